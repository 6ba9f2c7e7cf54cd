## Content packs: managing installed packs
pack-busy = Working on a content pack…
pack-name-version = { $name } (version { $version })
pack-details = Checked { $date } · { $state } · { $trust }
pack-state-enabled = on
pack-state-disabled = off (its modules are hidden)
pack-enable = Switch on
pack-disable = Switch off
pack-remove = Remove pack
pack-remove-confirm = Remove the pack "{ $pack }"? Its modules disappear from every learner's home screen on this PC. Quiz results already saved are kept.
pack-remove-yes = Yes, remove the pack
pack-removed = The pack "{ $pack }" was removed.
pack-enabled = The pack "{ $pack }" is switched on. Its modules are back on the home screen.
pack-disabled = The pack "{ $pack }" is switched off. Its modules are hidden until it is switched on again.
pack-change-failed = Nothing changed. The reasons:
pack-set-aside = Content pack "{ $pack }" was set aside and not loaded: { $detail }. It was moved to { $to } (not deleted) and will not be checked again at every start. Install the right pack again from Settings.

## Content packs: who signed a pack
pack-trust-trusted = signed by { $publisher } (trusted publisher)
pack-trust-unknown = signed with a key not trusted on this PC (fingerprint { $fingerprint })
pack-trust-unsigned = not signed
pack-confirm-title = The pack "{ $pack }" passed the check, but is not from a trusted publisher.
pack-claims-publisher = The pack names its publisher as: { $publisher } (this cannot be proven without a signature).
pack-confirm-hint = Install it only if you know where this pack comes from, for example handed to you by the regional civil service agency or a trainer you know.
pack-confirm-hint-unknown = Install it only if you know where this pack comes from. To install this publisher's packs without being asked, trust its key with: latih-asn content trust-publisher KEY --name NAME
pack-confirm = Install this pack

## Content packs: why a pack or a change was refused
pack-error-not-a-file = { $kind ->
    [symlink] is a symbolic link, not a regular file; only regular files are read
    [fifo] is a named pipe (FIFO), not a regular file; only regular files are read
    [device] is a device file, not a regular file; only regular files are read
    [socket] is a socket, not a regular file; only regular files are read
   *[other] is not a regular file or folder; only regular files are read
}
pack-error-too-large = the file is larger than the { $limit } KiB limit
pack-error-pack-too-large = the pack is larger than the { $limit } KiB limit in all
pack-error-installed-too-large = together with the packs already installed ({ $installed } KiB) this pack passes the { $limit } KiB limit for all packs; remove a pack no longer used first
pack-error-too-many-entries = the pack holds more than { $limit } files and folders
pack-error-too-deep = folders are nested more than { $limit } levels deep
pack-error-file-name = the file name is not valid UTF-8 text
pack-error-path = the path { $path } is not allowed in a pack
pack-error-changed-while-read = the file changed while it was being read
pack-error-invalid-id = the { $what ->
    [modules] module
    [lessons] lesson
    [objectives] objective
    [questions] question
    [instruments] legal source
    [pack] pack
   *[other] { $what }
} id "{ $id }" is invalid: use 1 to 64 characters of lowercase a–z, digits 0–9 and hyphens (-)
pack-error-folder-mismatch = the module or pack "{ $id }" is in the folder "{ $folder }"; the id and the folder name must be the same
pack-error-too-many = { $found } { $what ->
    [packs] packs
    [modules] modules
    [lessons] lessons
    [objectives] learning objectives
    [questions] questions
    [options] answer options
    [citations] legal citations
    [keypoints] key points
    [instruments] legal sources
   *[other] { $what }
}, more than the limit of { $limit }
pack-error-too-long = { $id }: the { $field ->
    [title] title
    [summary] summary
    [objective] objective text
    [keypoint] key point
    [stem] question text
    [option] option text
    [why] option's reason
    [explanation] explanation
    [citation] citation part (pasal, ayat, huruf, angka)
    [name] name
    [version] version
   *[other] { $field }
} is longer than { $limit } characters
pack-error-out-of-range = { $id }: the { $field ->
    [passmark] pass mark (pass_mark)
    [quizsize] quiz size (quiz_size)
    [minutes] reading time (minutes)
    [jp] lesson hours (jp)
   *[other] { $field }
} is { $value }; allowed are { $min } to { $max }
pack-error-markup = lesson { $id } ({ $lang }) contains { $markup ->
    [link] a link
    [image] an image
   *[html] HTML
}, which lessons may not contain
pack-error-jp-too-high = { $id }: jp is { $jp }, but { $minutes } minutes of study (lessons plus two minutes per quiz question) justify at most { $max } JP (JP × 45 may not exceed twice the minutes)
content-warning-replaced = { $module }: { $item } cites { $instrument }, which was replaced by { $replaced }; check it against the new rule
content-warning-jp-computed = { $module }: module.ron has no jp; it counts { $jp } JP, computed from { $minutes } minutes of study (45 minutes each, rounded up). Write the figure you intend in module.ron, e.g. jp: { $jp } (at most { $max } for these minutes)
content-warning-jp-too-short = { $module }: module.ron has no jp; it counts { $jp } JP, the least there is, although its { $minutes } minutes of study are too few to declare any (a declared jp needs at least 23 minutes). Add lesson time before writing a jp
pack-error-too-many-errors = the check stopped after { $limit } errors; fix the ones above first
pack-error-conflict-pack = the { $what ->
    [modules] module
    [instruments] legal source
   *[pack] pack
} "{ $id }" is already installed by the pack "{ $pack }"; remove that pack first if this one replaces it
pack-error-conflict-app = the { $what ->
    [modules] module
   *[instruments] legal source
} "{ $id }" is part of the app and cannot be replaced by a pack
pack-error-bad-signature = the pack's signature does not match ({ $detail }); the pack may have been changed after it was signed
pack-error-changed-since-check = the file changed since the pack was checked at install
pack-error-app-content = { $path } is the app's own content, not a content pack.
pack-error-busy = Another pack install or removal is running. Wait until it finishes, then try again.
pack-error-not-installed = The pack "{ $pack }" is not installed.
pack-error-bad-key = Invalid key: a public key is 64 hexadecimal digits and needs a name; a publisher key file is made with: latih-asn content keygen
pack-error-write = Could not write to the data folder: { $detail }
pack-error-interrupted = The pack change stopped before it finished: { $detail }

## Command line: content packs
cli-content-app = This is the app's own content (the source folder), checked as the app's content, not as a pack.
cli-pack-identity = Pack { $pack }: { $name }, version { $version }, hash { $hash }
cli-pack-installed = Pack { $pack } installed; modules: { $modules }.
cli-pack-needs-yes = The pack was not installed. If you know where it comes from, run again with --yes to install it.
cli-pack-removed = Pack { $pack } removed.
cli-pack-disabled = Pack { $pack } switched off.
cli-pack-enabled = Pack { $pack } switched on.
cli-pack-trusted = The publisher { $pack } is now trusted on this PC.
cli-pack-keygen = The publisher's secret key was written to { $file } (keep it safe; do not share it). Public key for admins to trust: { $key } (fingerprint { $fingerprint })
cli-pack-signed = Pack { $pack } signed (hash { $hash }, key { $fingerprint }); pack.sig written.
