import Testing

@testable import TicketTrainerCore

/// What the lesson says about one field of one ticket.
enum Expected: Sendable, Equatable, CustomStringConvertible {
    /// A label, and the rule of the lesson that gives it.
    case label(String, by: String)
    /// The lesson says nothing; the silence is the one listed for this `request`.
    case silent(request: String)

    var description: String {
        switch self {
        case .label(let label, let rule): "\(label) (\(rule))"
        case .silent(let request): "silent (request \(request))"
        }
    }
}

/// One row of the lesson's table, worked out from LESSON-FACTS by hand.
struct LessonCase: CustomTestStringConvertible, Sendable {
    var name: String
    var facts: Facts
    var type: Expected
    var priority: Expected
    var severity: Expected
    /// Rule 1 alone sets a deadline: two hours from when the ticket is added.
    var contactHours: Int?

    var testDescription: String { name }
}

@Suite("Rules engine on the bundled lesson")
struct RuleEngineTests {
    static let helpDesk = "HelpDesk"
    static let service = "Service soluție"
    static let fiscal = "Asistență fiscală"

    static let cases: [LessonCase] = [
        LessonCase(
            name: "rule 1: sales stopped is HelpDesk, Ridicată, Critică, contact in 2 h",
            facts: ticket("fault", .salesStopped),
            type: .label(helpDesk, by: "sales-stopped"),
            priority: .label("Ridicată", by: "sales-stopped"),
            severity: .label("Critică", by: "sales-stopped"),
            contactHours: 2),
        LessonCase(
            name: "rule 2: another POS works is HelpDesk, Normală, Critică, no deadline",
            facts: ticket("fault"),
            type: .label(helpDesk, by: "another-pos-works"),
            priority: .label("Normală", by: "another-pos-works"),
            severity: .label("Critică", by: "another-pos-works")),
        LessonCase(
            name: "rule 3: operator error is HelpDesk, Redusă, Redusă",
            facts: ticket("fault", .operatorError),
            type: .label(helpDesk, by: "operator-error"),
            priority: .label("Redusă", by: "operator-error"),
            severity: .label("Redusă", by: "operator-error")),
        LessonCase(
            name: "rule 3: operator error while sales stopped is still Redusă, no deadline",
            facts: ticket("fault", .operatorError, .salesStopped),
            type: .label(helpDesk, by: "operator-error"),
            priority: .label("Redusă", by: "operator-error"),
            severity: .label("Redusă", by: "operator-error")),
        LessonCase(
            name: "rule 4: a how-to question is HelpDesk, Redusă, Funcționalitate",
            facts: ticket("how-to"),
            type: .label(helpDesk, by: "how-to-by-helpdesk"),
            priority: .label("Redusă", by: "how-to-question"),
            severity: .label("Funcționalitate", by: "how-to-question")),
        LessonCase(
            name: "rule 5: escalated sales stopped keeps Ridicată, Critică and the 2 h",
            facts: ticket("fault", .salesStopped, .remoteFixFailed),
            type: .label(service, by: "escalation-to-service"),
            priority: .label("Ridicată", by: "sales-stopped"),
            severity: .label("Critică", by: "sales-stopped"),
            contactHours: 2),
        LessonCase(
            name: "rule 5: escalated another-POS fault keeps Normală, Critică",
            facts: ticket("fault", .remoteFixFailed),
            type: .label(service, by: "escalation-to-service"),
            priority: .label("Normală", by: "another-pos-works"),
            severity: .label("Critică", by: "another-pos-works")),
        LessonCase(
            name: "rule 5: escalated operator error keeps Redusă, Redusă",
            facts: ticket("fault", .operatorError, .remoteFixFailed),
            type: .label(service, by: "escalation-to-service"),
            priority: .label("Redusă", by: "operator-error"),
            severity: .label("Redusă", by: "operator-error")),
        LessonCase(
            name: "rule 6: service is Service soluție, priority and severity silent",
            facts: ticket("service"),
            type: .label(service, by: "service-preclassified"),
            priority: .silent(request: "service"),
            severity: .silent(request: "service")),
        LessonCase(
            name: "rule 6: service with sales stopped is still silent on priority",
            facts: ticket("service", .salesStopped, .remoteFixFailed),
            type: .label(service, by: "service-preclassified"),
            priority: .silent(request: "service"),
            severity: .silent(request: "service")),
        LessonCase(
            name: "rule 7: fiscal is Asistență fiscală, priority and severity silent",
            facts: ticket("fiscal"),
            type: .label(fiscal, by: "fiscal-assistance"),
            priority: .silent(request: "fiscal"),
            severity: .silent(request: "fiscal")),
        LessonCase(
            name: "silence: a how-to question that remote access could not fix has no type",
            facts: ticket("how-to", .remoteFixFailed),
            type: .silent(request: "how-to"),
            priority: .label("Redusă", by: "how-to-question"),
            severity: .label("Funcționalitate", by: "how-to-question")),
    ]

    /// The engine looks decisions up in a table it fills in advance; with a table limit of
    /// 0 it fires the rules for each ticket. Both must give the lesson's answers.
    @Test(arguments: cases, [DecisionTable.sizeLimit, 0])
    func decides(_ row: LessonCase, tableLimit: Int) throws {
        let engine = RuleEngine(lesson: try BundledLesson.load(), tableLimit: tableLimit)
        let decision = engine.decide(row.facts)

        check(decision[.ticketType], against: row.type, field: "type")
        check(decision[.priority], against: row.priority, field: "priority")
        check(decision[.severity], against: row.severity, field: "severity")
        #expect(decision.contact?.deadline.hours == row.contactHours)
        if row.contactHours != nil {
            #expect(decision.contact?.rule.id == RuleID("sales-stopped"))
        }
    }

    private func check(
        _ verdict: FieldVerdict, against expected: Expected, field: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        switch expected {
        case .label(let label, let rule):
            #expect(verdict.label == label, "\(field)", sourceLocation: sourceLocation)
            #expect(verdict.rule?.id == RuleID(rule), "\(field)", sourceLocation: sourceLocation)
        case .silent(let request):
            guard case .undecided(let silence) = verdict else {
                Issue.record("\(field) should be silent, got \(verdict)")
                return
            }
            // The verdict must name the lesson's own admission, not just come up empty.
            #expect(
                silence?.conditions[.request] == [.choice(request)], "\(field)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("Facts left out are false")
    func omittedFactsAreFalse() throws {
        let engine = RuleEngine(lesson: try BundledLesson.load())
        let written: Facts = [
            .request: .choice("fault"), .salesStopped: .boolean(true),
            .operatorError: .boolean(false), .remoteFixFailed: .boolean(false),
        ]
        #expect(engine.completing(ticket("fault", .salesStopped)) == written)
        #expect(engine.decide(ticket("fault", .salesStopped)) == engine.decide(written))
    }

    @Test("A request the lesson does not list fires no rule, with or without the table")
    func unlistedRequestFiresNothing() throws {
        let lesson = try BundledLesson.load()
        for limit in [DecisionTable.sizeLimit, 0] {
            let decision = RuleEngine(lesson: lesson, tableLimit: limit)
                .decide(ticket("refund", .salesStopped))
            #expect(decision.firedRules.isEmpty)
            #expect(decision[.priority] == .undecided(nil))
        }
    }

    @Test("Escalation fires together with the fault rule it overrides on type only")
    func escalationKeepsTheFaultRuleFiring() throws {
        let engine = RuleEngine(lesson: try BundledLesson.load())
        let fired = engine.decide(ticket("fault", .salesStopped, .remoteFixFailed)).firedRules
        #expect(fired.map(\.id) == [RuleID("sales-stopped"), RuleID("escalation-to-service")])
    }
}

@Suite("Rules that disagree, and overrides")
struct ConflictTests {
    static let urgent = HandBuilt.rule(
        "fault-is-urgent", when: ["request": .choice("fault")], gives: "Ridicată")

    static func vipWaits(overrides: [String] = []) -> Rule {
        HandBuilt.rule(
            "vip-waits", when: ["vip": .boolean(true)], gives: "Redusă", overrides: overrides)
    }

    static let faultForVIP: Facts = [.request: .choice("fault"), FactID("vip"): .boolean(true)]

    @Test("Two rules that fire and give different labels are a conflict, not a pick")
    func conflict() {
        let engine = RuleEngine(lesson: HandBuilt.lesson([Self.urgent, Self.vipWaits()]))
        guard case .conflict(let rules) = engine.decide(Self.faultForVIP)[.priority] else {
            Issue.record("expected a conflict")
            return
        }
        #expect(Set(rules.map(\.id)) == [RuleID("fault-is-urgent"), RuleID("vip-waits")])
    }

    @Test("The rule that overrides the other decides")
    func overrideResolves() {
        let lesson = HandBuilt.lesson([Self.urgent, Self.vipWaits(overrides: ["fault-is-urgent"])])
        let verdict = RuleEngine(lesson: lesson).decide(Self.faultForVIP)[.priority]
        #expect(verdict.label == "Redusă")
        #expect(verdict.rule?.id == RuleID("vip-waits"))
    }

    @Test("An override only matters when both rules fire")
    func overrideNeedsBothRules() {
        let lesson = HandBuilt.lesson([Self.urgent, Self.vipWaits(overrides: ["fault-is-urgent"])])
        let verdict = RuleEngine(lesson: lesson).decide([.request: .choice("fault")])[.priority]
        #expect(verdict.label == "Ridicată")
        #expect(verdict.rule?.id == RuleID("fault-is-urgent"))
    }
}
