# The message box shown when the app cannot start (a double-clicked program has no console).
startup-error-title = latih-asn cannot start
startup-error-data-folder = latih-asn cannot open its data folder, where learning records are kept.

    { $problem }

    What to do: make sure the disk is not full and that you may write to { $folder }. On a USB stick or a locked-down PC, create a folder named latih-asn-data beside latih-asn.exe and start the app again. If that does not help, call your IT support and give them the log file named below.
startup-error-window = latih-asn cannot open its window.

    { $problem }

    What to do: restart the PC and start the app again. If the window still does not open, call your IT support and give them the log file named below.
startup-error-content = latih-asn cannot read the lessons built into it: this copy of the program is damaged.

    What to do: install latih-asn again. Your learning records are kept; they are not part of the program.
startup-error-log = Details are in the log file: { $path }
startup-error-no-log = No log file could be written.
