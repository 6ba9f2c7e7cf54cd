## Sending records to an xAPI Learning Record Store (records push)

lrs-config-empty-endpoint = The LRS address is empty.
lrs-config-not-a-url = { $url } is not a web address. Write it whole, e.g. https://lrs.example.go.id/xAPI
lrs-config-not-http = { $url } is not an http:// or https:// address.
lrs-config-has-query = { $url } has a ? or # part: give the LRS's xAPI endpoint alone.
lrs-config-ends-with-statements = { $url } ends with /statements: give the endpoint before it (…/xAPI); statements are sent to ENDPOINT/statements.
lrs-config-empty-user = The LRS user is empty.
lrs-error-no-config = No LRS is set up. Fill it in under Settings, or: records push --endpoint URL --user USER --key KEY --save
lrs-error-config-unreadable = The LRS settings in { $path } cannot be read ({ $detail }); nothing was sent. Remove them with records push clear-config and set them again.
lrs-error-save = The LRS settings could not be saved to { $path }: { $detail }
lrs-error-state = The record of what was sent ({ $path }) cannot be used: { $detail }. Nothing was sent.
lrs-error-state-newer = The record of what was sent ({ $path }) is from a newer version of the app (format { $version }); it was left as it is and nothing was sent.
lrs-error-busy = Another push from this data folder is running; wait for it to end.
lrs-state-set-aside = The record of earlier pushes was damaged ({ $detail }); it was moved to { $path } and every record was sent again. The LRS keeps one copy of each, so nothing is doubled.
lrs-state-repaired = The record of earlier pushes ({ $path }) was cut short when the program stopped while saving it; the statements of that moment were sent again (the LRS keeps one copy of each).
lrs-trouble-timeout = the LRS did not answer in time
lrs-trouble-network = no connection to the LRS ({ $detail })
lrs-trouble-status = the LRS answered { $status } ({ $reason })
lrs-refused = Refused { $id }: { $status } { $reason }
lrs-refused-conflict = Refused { $id }: 409, the LRS already holds a different statement with this id ({ $reason })
lrs-stop-cancelled = Stopped on request.
lrs-stop-gave-up = No answer worth keeping after { $attempts } tries: { $trouble }.
lrs-stop-unauthorized = The LRS refused the user or key ({ $status } { $reason }). Check them in Settings.
lrs-stop-redirected = The LRS sends requests elsewhere ({ $status } to { $reason }): set the endpoint to that address.
lrs-stop-rejected = The LRS refused the request as a whole ({ $status } { $reason }): check the endpoint.
lrs-stop-not-an-lrs = The answer was not an LRS's ({ $status } { $reason }): perhaps a network login page. Nothing of this batch was taken as stored.
lrs-stop-unreachable = The LRS cannot be reached: { $detail }
lrs-stop-all-refused = The LRS refused every statement of a batch ({ $status }): more likely the LRS or its address is at fault than each record, so the push stopped.
lrs-stop-not-saved = The LRS acknowledged a batch, but that could not be saved to { $path } ({ $detail }): stopped, so nothing is sent twice.
lrs-report = Sent: { $sent }; sent before: { $already }; refused: { $refused }; not sent yet: { $remaining }.
lrs-cli-pushing = Sending records to { $endpoint } as { $user }…
lrs-cli-progress = { $sent } of { $total } sent, { $refused } refused ({ $already } sent before).
lrs-cli-retrying = Trouble: { $trouble }. Trying again in { $seconds } s (retry { $attempt } of { $max }).
lrs-cli-stopped = Stopped: { $reason }
lrs-cli-complete = Every valid record is in the LRS.
lrs-cli-incomplete = Not every record is in the LRS yet. Run records push again: it sends only what is missing.
lrs-cli-key-in-clear = Warning: this address is plain http:// to another computer; the key travels unencrypted. Use https:// when the LRS has it.
lrs-cli-saved = LRS settings saved in { $path } (readable by this user only).
lrs-cli-config = LRS: { $endpoint }
    User: { $user }
    Key: { $key }
    Statements acknowledged so far: { $acknowledged }
lrs-cli-key-set = saved (not shown)
lrs-cli-key-empty = none
lrs-cli-cleared = The LRS settings and key were removed. What was sent is remembered.
