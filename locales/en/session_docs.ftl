# Training session documents: the attendance list and the session report (PDF and CSV), src/training/.

docs-attendance-title = ATTENDANCE LIST
docs-report-title = TRAINING SESSION REPORT
docs-weekday-1 = Monday
docs-weekday-2 = Tuesday
docs-weekday-3 = Wednesday
docs-weekday-4 = Thursday
docs-weekday-5 = Friday
docs-weekday-6 = Saturday
docs-weekday-7 = Sunday
docs-date = { $weekday }, { $date }
docs-label-date = Date
docs-label-place = Place
docs-label-trainer = Trainer
docs-label-instansi = Organised by
docs-label-module = Module tested
docs-label-forms = Test forms
docs-forms = pre-test form { $pre }, post-test form { $post }
docs-page = Page { $page } of { $pages }
docs-continued = { $title } (continued)
docs-signed-at = { $place }, { $date }
docs-trainer-sign = Trainer,
docs-none = –
docs-na = n/a
docs-yes = yes
docs-no = no
docs-attendance-count = Listed: { $listed }; present: { $present }.

docs-col-no = No.
docs-col-name = Name
docs-col-nip = NIP
docs-col-unit = Work unit
docs-col-position = Position
docs-col-present = Present
docs-col-present-at = Marked present at
docs-col-signature = Signature
docs-col-pre = Pre-test (%)
docs-col-post = Post-test (%)
docs-col-gain = Gain (points)
docs-col-g = g
docs-col-passed = Passed
docs-col-question = Question id
docs-col-form = Form
docs-col-stem = Question
docs-col-objective = Learning objective
docs-col-articles = Article
docs-col-pre-right = Pre-test right
docs-col-pre-asked = Pre-test answered
docs-col-pre-percent = Pre-test right (%)
docs-col-post-right = Post-test right
docs-col-post-asked = Post-test answered
docs-col-post-percent = Post-test right (%)
docs-col-flagged = Still misunderstood
docs-col-note = Note
docs-col-test = Test
docs-col-takers = Takers
docs-col-mean = Mean
docs-col-median = Median
docs-pre = Pre-test
docs-post = Post-test

docs-section-attendance = Attendance
docs-section-results = Pre-test and post-test results
docs-section-charts = Charts
docs-section-flagged = Items still misunderstood
docs-section-articles = Understanding per article
docs-section-people = Results per participant
docs-section-items = Item analysis
docs-section-howto = How to read this report

docs-unmatched = { $n ->
    [one] One test result of this session was taken under a NIP that is not on the attendance list, so it is not counted.
   *[other] { $n } test results of this session were taken under NIPs that are not on the attendance list, so they are not counted.
}
docs-class-gain = Class normalised gain <g>
docs-mean-g = Mean individual normalised gain (g)
docs-mean-g-value = { $g } (over { $n ->
    [one] one participant
   *[other] { $n } participants
})
docs-mean-g-left-out = ({ $n ->
    [one] one participant with a pre-test of 100 left out
   *[other] { $n } participants with a pre-test of 100 left out
})
docs-pass-rate = Post-test pass rate
docs-pass-rate-value = { $percent } ({ $passed } of { $takers })
docs-flagged-item = { $question }: { $stem } Right: { $share } in the post-test. Legal basis: { $articles }.
docs-no-flagged = No item is flagged.
docs-no-data = No test answers yet.
docs-flagged = Misunderstood
docs-legend-flagged = Still misunderstood (post-test below { $percent } %, at least { $min } answers)
docs-chart-means = Mean score
docs-chart-distribution = Score distribution (participants per score range)

docs-howto-scores = A participant's score is the percent of right answers (0–100) in their first pre-test and first post-test of this session; a retake does not replace it. Means and medians are over the participants who took that test.
docs-howto-median = The median is the middle score once all scores are sorted; for an even number of participants it is the mean of the two middle scores. Gain is the post-test score minus the pre-test score, in points.
docs-howto-g = The normalised gain g = (post – pre) / (100 – pre) is the share of the possible gain that a participant achieved: g = 1 means a full score was reached, g = 0 no gain, below 0 a lower score. As a common guide (Hake), g below 0.3 is low, 0.3 to 0.7 medium, and 0.7 or more high.
docs-howto-max = A participant whose pre-test was 100 had no room to gain, so their g is undefined: it is shown as "n/a" and left out of the mean g.
docs-howto-class = The class normalised gain <g> is computed from the mean scores of the participants who took both tests: (mean post – mean pre) / (100 – mean pre). The mean individual g is the plain mean of each participant's g; the two can differ.
docs-howto-flag = A question or article is flagged as still misunderstood when fewer than { $percent } % of its post-test answers were right, with at least { $min } answers. These deserve another look with the room.
docs-howto-articles = The pre-test and post-test use different forms (A and B) that test the same articles, so before and after are best compared per article. The pass rate is the share of post-test takers who reached the module's pass mark.

docs-error-font = The fonts built into the app cannot be read, so the PDF cannot be made. Reinstall the app.
