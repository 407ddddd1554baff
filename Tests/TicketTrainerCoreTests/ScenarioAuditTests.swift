import Testing
import TicketTrainerCore
import TicketTrainerFormats

/// Testing has a `SourceLocation` of its own; the audit speaks in the lesson files' kind.
typealias FilePosition = TicketTrainerCore.SourceLocation

@Suite("Scenario audit")
struct ScenarioAuditTests {
    static func at(_ file: String, _ line: Int, _ column: Int) -> FilePosition {
        FilePosition(file: file, line: line, column: column)
    }

    static func bank(_ file: String, _ scenarios: [Scenario]) -> ScenarioBank {
        ScenarioBank(
            lessonID: "crm-ticket-monitor", purpose: .practice, scenarios: scenarios, file: file)
    }

    @Test("An id used in two banks is an error at the second, pointing at the first")
    func duplicateAcrossBanks() throws {
        let audit = ScenarioAudit(lesson: try BundledLesson.load())
        let first = scenario(
            "cluj-pharmacy", ticket("fault", .salesStopped),
            origin: ScenarioOrigin(
                scenario: Self.at("practice.yaml", 5, 5), id: Self.at("practice.yaml", 5, 9)))
        let second = scenario(
            "cluj-pharmacy", ticket("fault"),
            origin: ScenarioOrigin(
                scenario: Self.at("test.yaml", 12, 5), id: Self.at("test.yaml", 12, 9)))

        let findings = audit.check([
            Self.bank("practice.yaml", [first]), Self.bank("test.yaml", [second]),
        ])
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location == Self.at("test.yaml", 12, 9))
        #expect(finding.message.contains("'cluj-pharmacy'"))
        #expect(finding.message.contains("used twice"))
        #expect(finding.note?.contains("practice.yaml:5:9") == true)
    }

    @Test("An 'expect' that contradicts the deciding rule names the rule and both labels")
    func expectDisagrees() throws {
        let audit = ScenarioAudit(lesson: try BundledLesson.load())
        // Selling stopped: rule 1 gives Ridicată, not the Normală the scenario states.
        let wrong = scenario(
            "arad-till", ticket("fault", .salesStopped), expect: [.priority: "Normală"],
            origin: ScenarioOrigin(
                scenario: Self.at("p.yaml", 3, 5),
                expected: [.priority: Self.at("p.yaml", 9, 17)]))

        let findings = audit.check([Self.bank("p.yaml", [wrong])])
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location == Self.at("p.yaml", 9, 17))
        #expect(finding.message.contains("'sales-stopped'"))
        #expect(finding.message.contains("'Normală'"))
        #expect(finding.message.contains("'Ridicată'"))
    }

    @Test("An 'expect' that agrees with the rule is fine")
    func expectAgrees() throws {
        let audit = ScenarioAudit(lesson: try BundledLesson.load())
        let right = scenario(
            "arad-till", ticket("fault", .salesStopped), expect: [.priority: "Ridicată"])
        #expect(audit.check([Self.bank("p.yaml", [right])]).isEmpty)
    }

    @Test("A silent field without 'expect' warns that it is not graded")
    func silentFieldWarns() throws {
        let audit = ScenarioAudit(lesson: try BundledLesson.load())
        let open = scenario(
            "fiscal-open", ticket("fiscal"),
            origin: ScenarioOrigin(scenario: Self.at("p.yaml", 20, 5)))

        let findings = audit.check([Self.bank("p.yaml", [open])])
        #expect(findings.count == 2, "\(findings)")
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings.allSatisfy { $0.message.contains("not graded") })
        #expect(findings.allSatisfy { $0.location == Self.at("p.yaml", 20, 5) })
        #expect(findings.contains { $0.message.contains("priority") })
        #expect(findings.contains { $0.message.contains("severity") })
    }

    @Test("Stating the silent fields in 'expect' leaves nothing to warn about")
    func statedSilentFields() throws {
        let audit = ScenarioAudit(lesson: try BundledLesson.load())
        let half = scenario("half", ticket("service"), expect: [.priority: "Ridicată"])
        let full = scenario(
            "full", ticket("service"), expect: [.priority: "Ridicată", .severity: "Critică"])

        let findings = audit.check([Self.bank("p.yaml", [half, full])])
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.contains("severity") == true)
        #expect(findings.first?.message.contains("'half'") == true)
    }

    @Test("A how-to question that remote access could not fix warns about its type")
    func escalatedQuestionWarns() throws {
        let audit = ScenarioAudit(lesson: try BundledLesson.load())
        let findings = audit.check([
            Self.bank("p.yaml", [scenario("q", ticket("how-to", .remoteFixFailed))])
        ])
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("no rule decides type") == true)
    }

    @Test("Rules that disagree on a scenario are an error naming both")
    func conflictingRules() {
        let lesson = HandBuilt.lesson([
            HandBuilt.rule(
                "fault-is-urgent", when: ["request": .choice("fault")], gives: "Ridicată"),
            HandBuilt.rule("vip-waits", when: ["vip": .boolean(true)], gives: "Redusă"),
        ])
        let clash = scenario("clash", [.request: .choice("fault"), FactID("vip"): .boolean(true)])
        let findings = ScenarioAudit(lesson: lesson).check([Self.bank("h.yaml", [clash])])
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("'fault-is-urgent'") == true)
        #expect(findings.first?.message.contains("'vip-waits'") == true)
    }

    @Test("The bundled banks agree with the bundled lesson")
    func bundledBanksAgree() throws {
        let course = CourseLoader().load([
            BundledLesson.repository.appendingPathComponent("Lessons").path,
            BundledLesson.repository.appendingPathComponent("Scenarios").path,
        ])
        try #require(!course.diagnostics.containsErrors, "\(course.diagnostics)")
        let lesson = try #require(course.lessons.first)
        let findings = ScenarioAudit(lesson: lesson).check(course.banks)
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
    }

    @Test("Coverage counts the scenarios where each rule has a say")
    func coverage() throws {
        let lesson = try BundledLesson.load()
        let scenarios = [
            scenario("a", ticket("fault", .salesStopped)),
            scenario("b", ticket("fault", .salesStopped, .remoteFixFailed)),
            scenario("c", ticket("fiscal")),
        ]
        let counts = Dictionary(
            uniqueKeysWithValues: ScenarioAudit(lesson: lesson).audit([
                Self.bank("c.yaml", scenarios)
            ])
            .coverage.map { ($0.rule.id.rawValue, $0.scenarios) })
        // The escalated ticket still takes its priority and severity from rule 1.
        #expect(counts["sales-stopped"] == 2)
        #expect(counts["escalation-to-service"] == 1)
        #expect(counts["fiscal-assistance"] == 1)
        #expect(counts["another-pos-works"] == 0)
        #expect(counts["how-to-question"] == 0)
    }
}
