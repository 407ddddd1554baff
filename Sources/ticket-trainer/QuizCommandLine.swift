import Foundation
import TicketTrainerCore
import TicketTrainerFormats
import TicketTrainerStorage
import TicketTrainerTerminal

/// `ticket-trainer practice` and `ticket-trainer test`: load, ask, report.
struct QuizCommandLine {
    let options: Options
    let language: Language

    func run() -> Int32 {
        let mode: QuizMode = options.command == .test ? .finalTest : .practice
        guard let (lesson, scenarios) = loadScenarios(for: mode) else { return 1 }
        guard let store = Trainee.openStore(options) else { return 1 }
        let trainee = Trainee.name(options)

        guard let (session, attempt) = prepare(lesson, scenarios, mode, store, trainee) else {
            return options.due ? 0 : 1
        }

        let interactive = !options.json && Console.output.isTerminal && isatty(STDIN_FILENO) == 1
        let output: Console = options.json ? .error : .output
        let style = interactive ? Style.detect() : Style.detect(isTerminal: false)
        let screen = QuizScreen(
            lesson: lesson, strings: Strings(language), style: style,
            columns: output.columns ?? 80, output: output)

        let reader: LineReader
        if interactive,
            let editor = LineEditor(historyFile: TraineeFiles.stateFolder().map { $0 + "/history" })
        {
            reader = editor
        } else {
            reader = PlainLineReader(output: output, echo: isatty(STDIN_FILENO) != 1)
        }

        let recorder = AttemptRecorder(
            store: store, attempt: attempt, trainee: trainee, lesson: lesson.id,
            schedules: mode == .practice)
        let runner = QuizRunner(
            session: session, reader: reader, screen: screen, record: recorder.record)
        let ending = runner.run()

        let finished = ending == .finished
        do {
            try store.closeAttempt(
                attempt, finished: finished, score: runner.session.score,
                passed: runner.session.passed)
        } catch {
            Diagnostics.fail(error.description)
            return 1
        }
        if options.json {
            Console.output.line(ResultJSON.render(runner.session, finished: finished))
        }
        return recorder.failed ? 1 : 0
    }

    /// A new session and attempt, or with `--resume` the final test that was cut short,
    /// with every answer it had restored.
    private func prepare(
        _ lesson: Lesson, _ scenarios: [Scenario], _ mode: QuizMode, _ store: ResultsStore,
        _ trainee: String
    ) -> (QuizSession, Int64)? {
        do {
            if options.resume {
                return try resume(lesson, scenarios, store, trainee)
            }
            var order: QuizOrder =
                options.inOrder
                ? .asWritten : .shuffled(seed: options.seed ?? UInt64.random(in: 0...UInt64.max))
            var arranged = scenarios

            // Practice asks what the trainee gets wrong first, unless an order was asked for.
            if mode == .practice && !options.inOrder && options.seed == nil {
                let reviews = try store.reviews(trainee: trainee, lesson: lesson.id)
                let byRule = try store.accuracy(trainee: trainee).byRule
                let shares = Dictionary(
                    byRule.map { ($0.name, $0.share) }, uniquingKeysWith: { first, _ in first })
                let engine = RuleEngine(lesson: lesson)
                // A ticket is as weak as the weakest rule that decides one of its fields.
                let weakness = { (scenario: Scenario) -> Double in
                    let key = AnswerKey(scenario: scenario, engine: engine)
                    let rules = lesson.fields.compactMap { key[$0.id].ruleID }
                    return rules.compactMap { shares[$0] }.min() ?? 1
                }
                arranged = LeitnerSchedule.order(
                    order.arrange(scenarios), reviews: reviews, at: Date(), onlyDue: options.due,
                    ruleAccuracy: weakness)
                order = .asWritten
                if arranged.isEmpty {
                    let next = reviews.values.map(\.due).min().map {
                        ISO8601DateFormatter().string(from: $0)
                    }
                    Console.output.line(
                        (language == .romanian ? "Nimic de repetat acum" : "Nothing is due now")
                            + (next.map {
                                language == .romanian ? "; următorul: \($0)" : "; next: \($0)"
                            } ?? "")
                            + ".")
                    return nil
                }
            }
            let session = QuizSession(
                lesson: lesson, scenarios: arranged, mode: mode, order: order)
            if mode == .finalTest,
                let open = try store.unfinishedTest(trainee: trainee, lesson: lesson.id)
            {
                let when = DateText().minute(open.startedAt)
                let done = try store.answers(of: open.id).completed.count
                let total = open.order.count
                // A new test with an answer takes the older one's place for --resume.
                Console.error.line(
                    language == .romanian
                        ? "ticket-trainer: notă: testul final început pe \(when) nu s-a "
                            + "încheiat (\(done) din \(total) tichete). Pentru a-l continua, "
                            + "ieși acum (Ctrl-D) și rulează „ticket-trainer test --resume”."
                        : "ticket-trainer: note: the final test begun \(when) is not finished "
                            + "(\(done) of \(total) tickets). To continue it instead, leave now "
                            + "(Ctrl-D) and run 'ticket-trainer test --resume'.")
            }
            let attempt = try store.startAttempt(
                trainee: trainee, lesson: lesson.id, mode: mode,
                order: session.questions.map(\.scenario.id))
            return (session, attempt)
        } catch {
            Diagnostics.fail(error.description)
            return nil
        }
    }

    private func resume(
        _ lesson: Lesson, _ scenarios: [Scenario], _ store: ResultsStore, _ trainee: String
    ) throws(StorageError) -> (QuizSession, Int64)? {
        guard options.command == .test else {
            Diagnostics.fail(
                "'--resume' continues a final test: use 'ticket-trainer test --resume'")
            return nil
        }
        guard options.seed == nil && !options.inOrder else {
            Diagnostics.fail(
                "a resumed test keeps the order it began with",
                note: "leave out --seed and --in-order")
            return nil
        }
        guard let open = try store.unfinishedTest(trainee: trainee, lesson: lesson.id) else {
            Diagnostics.fail(
                "\(trainee) has no unfinished final test of lesson '\(lesson.id)' to resume",
                note: "a test of another lesson resumes with that lesson's --lesson and --scenarios"
            )
            return nil
        }
        let byID = Dictionary(
            scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = open.order.compactMap { byID[$0] }
        guard ordered.count == open.order.count else {
            Diagnostics.fail(
                "the final test's tickets changed since that attempt began; it cannot be resumed",
                note: "start a new one with 'ticket-trainer test'")
            return nil
        }

        var session = QuizSession(
            lesson: lesson, scenarios: ordered, mode: .finalTest, order: .asWritten)
        let saved = try store.answers(of: open.id)
        var results: [QuestionResult] = []
        for (position, question) in session.questions.enumerated() {
            guard saved.completed.contains(position) else { break }
            let given = (saved.given[position] ?? [:]).compactMapValues { $0 }
            results.append(QuestionResult(question: question, answers: given))
        }
        let pending = (saved.given[results.count] ?? [:]).compactMapValues { $0 }
        session.restore(results, pending: pending)

        let when = DateText().minute(open.startedAt)
        // With --json, standard output holds the result object alone.
        (options.json ? Console.error : Console.output).line(
            language == .romanian
                ? "Continui testul final început pe \(when): \(results.count) din "
                    + "\(ordered.count) tichete sunt gata."
                : "Continuing the final test begun \(when): \(results.count) of "
                    + "\(ordered.count) tickets are done.")
        return (session, open.id)
    }

    /// The lesson and the scenarios for this mode, or nil after printing what is wrong.
    private func loadScenarios(for mode: QuizMode) -> (Lesson, [Scenario])? {
        let bundled = BundledFiles.root()
        let lessonPaths =
            options.lessonPaths.isEmpty
            ? bundled.map { [$0 + "/Lessons"] } ?? [] : options.lessonPaths
        let scenarioPaths =
            options.scenarioPaths.isEmpty
            ? bundled.map { [$0 + "/Scenarios"] } ?? [] : options.scenarioPaths
        guard !lessonPaths.isEmpty, !scenarioPaths.isEmpty else {
            Diagnostics.fail(
                "cannot find the bundled Lessons and Scenarios folders",
                note: "pass --lesson and --scenarios, or set TICKET_TRAINER_HOME to the checkout")
            return nil
        }

        let course = CourseLoader().load(lessonPaths + scenarioPaths)
        guard course.filesMatchTheirOptions(lessonPaths: lessonPaths, scenarioPaths: scenarioPaths)
        else { return nil }
        var problems = course.diagnostics
        for lesson in course.lessons {
            // A gap or a disagreement in the table would grade trainees by accident.
            problems += TableAnalysis(lesson: lesson).findings()
            problems += ScenarioAudit(lesson: lesson).check(
                course.banks.filter { $0.lessonID == lesson.id })
        }
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            Diagnostics.print(errors.sorted { $0.location < $1.location })
            // Only the files named here: plain 'validate' would check the bundled ones.
            let named = (options.lessonPaths + options.scenarioPaths)
                .map { SafeText.visible($0) }
            let command = (["ticket-trainer validate"] + named).joined(separator: " ")
            Diagnostics.fail("the files above have errors; '\(command)' lists them all")
            return nil
        }

        let purpose: ScenarioPurpose = mode == .finalTest ? .finalTest : .practice
        let lessonIDs = Set(course.banks.map(\.lessonID))
        guard
            let lesson = course.lessons.first(where: { lessonIDs.contains($0.id) })
                ?? course.lessons.first
        else {
            Diagnostics.fail("no lesson was loaded", note: "pass a lesson file with --lesson")
            return nil
        }
        let banks = course.banks.filter { $0.lessonID == lesson.id }
        // A trainer's own file may not say what it is for; then it serves either mode.
        let forThisMode = banks.filter { $0.purpose == purpose }
        let chosen = options.scenarioPaths.isEmpty || !forThisMode.isEmpty ? forThisMode : banks
        let scenarios = chosen.flatMap(\.scenarios)
        guard !scenarios.isEmpty else {
            Diagnostics.fail(
                "no \(purpose.rawValue) scenarios for lesson '\(lesson.id)'",
                note: "pass a scenario file with --scenarios")
            return nil
        }
        return (lesson, scenarios)
    }
}
