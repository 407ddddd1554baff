import Testing
import TicketTrainerCore

/// Three tickets of the bundled lesson, chosen so each grades a different set of fields.
///
/// In menu order the lesson lists type HelpDesk, Service soluție, Asistență fiscală;
/// priority Ridicată, Normală, Redusă; severity Critică, Redusă, Funcționalitate.
enum ThreeTickets {
    /// Rule 1: HelpDesk, Ridicată, Critică, so "1,1,1"; three points.
    static let salesStopped = scenario("sales-stopped", ticket("fault", .salesStopped))
    /// Rule 7 gives the type; the lesson is silent on the rest: one point.
    static let fiscal = scenario("fiscal", ticket("fiscal"))
    /// No type (the lesson is silent), Redusă and Funcționalitate, so "3,3"; two points.
    static let escalatedQuestion = scenario(
        "escalated-question", ticket("how-to", .remoteFixFailed))

    static func session(mode: QuizMode = .practice) throws -> QuizSession {
        QuizSession(
            lesson: try BundledLesson.load(),
            scenarios: [salesStopped, fiscal, escalatedQuestion], mode: mode, order: .asWritten)
    }
}

@Suite("Answer keys")
struct AnswerKeyTests {
    @Test("Where the lesson is silent, 'expect' supplies the answer and the field is graded")
    func expectFillsSilentFields() throws {
        let lesson = try BundledLesson.load()
        let stated = scenario(
            "fiscal-stated", ticket("fiscal"),
            expect: [.priority: "Normală", .severity: "Redusă"])
        let key = AnswerKey(scenario: stated, engine: RuleEngine(lesson: lesson))

        #expect(key[.priority] == .stated(label: "Normală"))
        #expect(key[.severity] == .stated(label: "Redusă"))
        #expect(key[.ticketType].label == "Asistență fiscală")
        #expect(key.gradedFields(in: lesson) == [.ticketType, .priority, .severity])
    }

    @Test("A silent field with no 'expect' is not asked, and says which silence")
    func silentFieldsAreNotAsked() throws {
        let lesson = try BundledLesson.load()
        let question = Question(scenario: ThreeTickets.fiscal, engine: RuleEngine(lesson: lesson))

        #expect(question.fields == [.ticketType])
        let ungraded = question.ungradedFields(in: lesson)
        #expect(ungraded.map(\.field.id) == [.priority, .severity])
        for entry in ungraded {
            #expect(entry.silence?.conditions[.request] == [.choice("fiscal")])
        }
    }

    @Test("A how-to question that could not be fixed remotely is not asked its type")
    func escalatedQuestionHasNoType() throws {
        let lesson = try BundledLesson.load()
        let question = Question(
            scenario: ThreeTickets.escalatedQuestion, engine: RuleEngine(lesson: lesson))
        #expect(question.fields == [.priority, .severity])
        guard case .notGraded(let silence) = question.key[.ticketType] else {
            Issue.record("type should not be graded")
            return
        }
        #expect(silence?.conditions[.request] == [.choice("how-to")])
        #expect(silence?.conditions[.remoteFixFailed] == [.boolean(true)])
    }

    @Test("Where a rule decides, the rule's label is the answer")
    func ruleDecidesOverExpect() throws {
        let lesson = try BundledLesson.load()
        let key = AnswerKey(
            scenario: ThreeTickets.salesStopped, engine: RuleEngine(lesson: lesson))
        #expect(key[.ticketType].label == "HelpDesk")
        #expect(key[.priority].label == "Ridicată")
        #expect(key[.severity].label == "Critică")
        guard case .rule(_, let rule) = key[.priority] else {
            Issue.record("priority should come from a rule")
            return
        }
        #expect(rule.id == RuleID("sales-stopped"))
    }

    @Test("A ticket with nothing to grade is left out of the quiz")
    func ungradableTicketIsLeftOut() {
        // Both hand-built rules fire and disagree, and nothing is stated: no answer exists.
        let lesson = HandBuilt.lesson([
            HandBuilt.rule("urgent", when: ["request": .choice("fault")], gives: "Ridicată"),
            HandBuilt.rule("vip", when: ["vip": .boolean(true)], gives: "Redusă"),
        ])
        let clash = scenario("clash", [.request: .choice("fault"), FactID("vip"): .boolean(true)])
        let plain = scenario("plain", [.request: .choice("fault")])
        let session = QuizSession(
            lesson: lesson, scenarios: [clash, plain], mode: .practice, order: .asWritten)
        #expect(session.questions.map(\.scenario.id) == ["plain"])
    }
}

@Suite("Quiz session")
struct QuizSessionTests {
    @Test("Answering every graded field right scores every point and passes")
    func allRight() throws {
        var session = try ThreeTickets.session()
        #expect(session.questions.count == 3)

        #expect(session.currentField?.id == .ticketType)
        _ = session.answer("HelpDesk")
        #expect(session.currentField?.id == .priority)
        _ = session.answer("ridicata")
        _ = session.answer("critica")
        _ = session.answer("fiscal")
        _ = session.answer("3,3")

        #expect(session.isFinished)
        #expect(session.score == Score(points: 6, possible: 6))
        #expect(session.passed)
        #expect(session.results.allSatisfy { $0.mistakes.isEmpty })
    }

    @Test("Wrong answers score nothing and fail")
    func allWrong() throws {
        var session = try ThreeTickets.session(mode: .finalTest)
        _ = session.answer("2,2,2")
        _ = session.answer("1")
        _ = session.answer("1,1")

        #expect(session.isFinished)
        #expect(session.score == Score(points: 0, possible: 6))
        #expect(session.passed == false)
        #expect(
            session.results.map(\.mistakes) == [
                [.ticketType, .priority, .severity], [.ticketType], [.priority, .severity],
            ])
        let byField = Score.byField(session.results, fields: [.ticketType, .priority, .severity])
        #expect(byField[.ticketType] == Score(points: 0, possible: 2))
        #expect(byField[.priority] == Score(points: 0, possible: 2))
        #expect(byField[.severity] == Score(points: 0, possible: 2))
    }

    @Test("\"1,2,3\" answers type, priority and severity with the menus' choices 1, 2 and 3")
    func commaAnswersFollowTheLessonsFields() throws {
        var session = try ThreeTickets.session()
        guard case .accepted(let chosen, let completed)? = session.answer("1,2,3") else {
            Issue.record("the line should be accepted")
            return
        }
        #expect(
            chosen.mapValues(\.label) == [
                .ticketType: "HelpDesk", .priority: "Normală", .severity: "Funcționalitate",
            ])
        // Only HelpDesk is right for a ticket where selling stopped.
        #expect(completed?.points == 1)
        #expect(completed?.possible == 3)
        #expect(completed?.mistakes == [.priority, .severity])
    }

    @Test("After one field, a comma line fills the fields still open")
    func commaAnswersFillRemainingFields() throws {
        var session = try ThreeTickets.session()
        _ = session.answer("1")
        guard case .accepted(let chosen, let completed)? = session.answer("1,1") else {
            Issue.record("the line should be accepted")
            return
        }
        #expect(chosen.mapValues(\.label) == [.priority: "Ridicată", .severity: "Critică"])
        #expect(completed?.points == 3)
    }

    @Test("Three answers on a ticket that grades only the type: the extra two are ignored")
    func fullLineOnPartlyGradedTicket() throws {
        var session = try ThreeTickets.session()
        _ = session.answer("1,1,1")
        guard case .accepted(let chosen, let completed)? = session.answer("3,1,1") else {
            Issue.record("the line should be accepted")
            return
        }
        #expect(chosen.mapValues(\.label) == [.ticketType: "Asistență fiscală"])
        #expect(completed?.answers == [.ticketType: "Asistență fiscală"])
        #expect(completed?.points == 1)
    }

    @Test("Too few or too many answers are reported and nothing is recorded")
    func wrongCount() throws {
        var session = try ThreeTickets.session()
        #expect(
            session.answer("1,2")
                == .wrongCount(
                    expected: [.ticketType, .priority, .severity], given: 2))
        #expect(session.currentField?.id == .ticketType)
        #expect(session.results.isEmpty)

        _ = session.answer("1,1,1")
        _ = session.answer("3")
        // Two fields are open on the escalated question; four answers fit neither count.
        #expect(
            session.answer("3,3,3,3") == .wrongCount(expected: [.priority, .severity], given: 4))
        #expect(session.results.count == 2)
    }

    @Test("An unknown answer is rejected and nothing is recorded")
    func unknownIsRejected() throws {
        let lesson = try BundledLesson.load()
        var session = try ThreeTickets.session()
        let type = try #require(lesson.field(.ticketType))
        #expect(session.answer("xyz") == .rejected(field: type, text: "xyz", match: .unknown))
        #expect(session.answer("4") == .rejected(field: type, text: "4", match: .unknown))
        #expect(session.currentField?.id == .ticketType)
        #expect(session.results.isEmpty)
    }

    @Test("An ambiguous part of a comma line rejects the whole line")
    func ambiguousPartRejectsLine() throws {
        let lesson = try BundledLesson.load()
        var session = try ThreeTickets.session()
        let priority = try #require(lesson.field(.priority))
        let both = priority.choices.filter { ["Ridicată", "Redusă"].contains($0.label) }

        #expect(
            session.answer("1,r,1")
                == .rejected(field: priority, text: "r", match: .ambiguous(both)))
        // The valid first part was not kept either: type is still the one asked.
        #expect(session.currentField?.id == .ticketType)
        guard case .accepted(_, let completed)? = session.answer("1") else {
            Issue.record("a plain answer should be accepted")
            return
        }
        #expect(completed == nil)
        #expect(session.currentField?.id == .priority)
    }

    @Test("Skipping a ticket before answering scores 0 of its points and moves on")
    func skipBeforeAnswering() throws {
        var session = try ThreeTickets.session()
        let skipped = session.skip()
        let result = try #require(skipped)
        #expect(result.points == 0)
        #expect(result.possible == 3)
        #expect(session.currentQuestion?.scenario.id == "fiscal")
    }

    @Test("Skipping a ticket part-way still scores 0 for it, as the help promises")
    func skipAfterOneAnswer() throws {
        var session = try ThreeTickets.session()
        _ = session.answer("HelpDesk")
        let skipped = session.skip()
        let result = try #require(skipped)
        // The quiz help says "skip the ticket (0 points)".
        #expect(result.points == 0)
        #expect(result.possible == 3)
    }

    @Test("Once every ticket is done there is nothing to answer or skip")
    func finishedSessionTakesNothing() throws {
        var session = try ThreeTickets.session()
        _ = session.skip()
        _ = session.skip()
        _ = session.skip()
        #expect(session.isFinished)
        #expect(session.answer("1") == nil)
        #expect(session.skip() == nil)
        #expect(session.score == Score(points: 0, possible: 6))
    }
}

/// A score and a pass mark, and whether it passes.
struct PassCase: CustomTestStringConvertible, Sendable {
    var points: Int
    var possible: Int
    var mark: Int
    var passes: Bool

    var testDescription: String {
        "\(points)/\(possible) at \(mark)% \(passes ? "passes" : "fails")"
    }
}

@Suite("Score")
struct ScoreTests {
    @Test(arguments: [
        PassCase(points: 4, possible: 5, mark: 80, passes: true),
        PassCase(points: 80, possible: 100, mark: 80, passes: true),
        PassCase(points: 79, possible: 100, mark: 80, passes: false),
        PassCase(points: 3, possible: 4, mark: 80, passes: false),
        // 2/3 is 66.67%: above 66, below 67, with no rounding either way.
        PassCase(points: 2, possible: 3, mark: 66, passes: true),
        PassCase(points: 2, possible: 3, mark: 67, passes: false),
        PassCase(points: 5, possible: 5, mark: 100, passes: true),
        PassCase(points: 0, possible: 0, mark: 80, passes: false),
        PassCase(points: 0, possible: 0, mark: 0, passes: false),
    ])
    func passes(_ row: PassCase) {
        #expect(
            Score(points: row.points, possible: row.possible).passes(mark: row.mark) == row.passes)
    }

    @Test("The percentage is for display; nothing asked shows 0")
    func percent() {
        #expect(Score(points: 4, possible: 5).percent == 80)
        #expect(Score(points: 0, possible: 0).percent == 0)
    }
}
