# The trainer's projector screens: presenter mode (slides) and the room quiz.
projector-module-label = Module { $n } of { $total }
projector-lesson-label = { $module } · Lesson { $n } of { $total }
projector-point-label = { $lesson } · Key point { $n } of { $total }
projector-closing-label = Closing
projector-closing-heading = Thank you
projector-closing-body = Any questions? Let's discuss them together.
projector-counter = { $n } / { $total }
projector-room-label = Room quiz · { $module } · Question { $n } of { $total }
projector-room-think = Read the question and think about your answer. The options come next.
projector-room-raise = Raise the card of your answer: A to { $last }.
projector-room-discuss = Answer and discussion
projector-room-done = The room quiz is over. Thank you for taking part.
projector-room-cards = Cards raised
projector-room-summary = Room quiz results
projector-room-question = Question { $n }
projector-room-right = { $percent }% right
projector-room-not-counted = not counted
