/// Checks scenarios against each other and against the lesson's rules.
///
/// Finds ids used twice, `expect` values that contradict the rule that decides the field,
/// fields where the rules disagree, and fields that no rule decides and no `expect` gives
/// (those are not graded, so the trainer hears about it as a warning). On the way it counts
/// the scenarios that exercise each rule.
public struct ScenarioAudit: Sendable {
    public let engine: RuleEngine

    public init(lesson: Lesson) {
        self.engine = RuleEngine(lesson: lesson)
    }

    /// What an audit of some banks found.
    public struct Report: Sendable {
        public var findings: [Diagnostic] = []
        /// Every rule of the lesson in its order, with how many scenarios exercise it: those
        /// where it has a say on some field.
        public var coverage: [(rule: Rule, scenarios: Int)] = []
    }

    public func check(_ banks: [ScenarioBank]) -> [Diagnostic] {
        audit(banks).findings
    }

    /// Checks every scenario and counts each rule's scenarios, deciding each scenario once:
    /// a bank can hold many thousands.
    public func audit(_ banks: [ScenarioBank]) -> Report {
        var report = Report()
        // Sized at once: growing a table of 100,000 ids step by step rehashes it each time.
        var firstUse: [String: SourceLocation] = [:]
        firstUse.reserveCapacity(banks.reduce(0) { $0 + $1.scenarios.count })
        var counts: [RuleID: Int] = [:]

        for bank in banks {
            let fallback = SourceLocation(file: bank.file, line: 1, column: 1)
            for scenario in bank.scenarios {
                let at = scenario.origin.id ?? fallback
                if let first = firstUse.updateValue(at, forKey: scenario.id) {
                    firstUse[scenario.id] = first
                    report.findings.append(
                        .error(
                            at: at, "scenario id '\(scenario.id)' is used twice",
                            note: "first used at \(first)"))
                }

                let decision = engine.decide(scenario.facts)
                report.findings += check(
                    scenario, decidedAs: decision, at: scenario.origin.scenario ?? fallback)
                for index in decision.standingRules.indices {
                    counts[decision.standingRules[index].id, default: 0] += 1
                }
            }
        }

        report.coverage = engine.lesson.rules.map { ($0, counts[$0.id] ?? 0) }
        return report
    }

    /// What is wrong with one scenario's answers, field by field.
    public func check(_ scenario: Scenario, at location: SourceLocation) -> [Diagnostic] {
        check(scenario, decidedAs: engine.decide(scenario.facts), at: location)
    }

    private func check(
        _ scenario: Scenario, decidedAs decision: Decision, at location: SourceLocation
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A field is graded when a rule decides it or the scenario states it (`AnswerKey`).
        var graded = false
        var hasConflict = false

        for field in engine.lesson.fields {
            let stated = scenario.expected[field.id]
            if stated != nil { graded = true }

            switch decision[field.id] {
            case .decided(let label, let rule):
                graded = true
                if let stated, stated != label {
                    diagnostics.append(
                        .error(
                            at: scenario.origin.expected[field.id] ?? location,
                            "'\(scenario.id)' expects \(field.id) '\(stated)', but rule "
                                + "'\(rule.id)' (\(rule.source)) gives '\(label)'",
                            note: "fix the facts, or remove '\(field.id)' from 'expect'"))
                }
            case .conflict(let rules):
                hasConflict = true
                let names = rules.map { "'\($0.id)' gives '\($0.outcome[field.id] ?? "")'" }
                diagnostics.append(
                    .error(
                        at: location,
                        "rules disagree on \(field.id) for '\(scenario.id)': "
                            + names.joined(separator: ", "),
                        note: "make one rule override the other in the lesson"))
            case .undecided(let silence):
                guard stated == nil else { continue }
                var message =
                    "no rule decides \(field.id) for '\(scenario.id)', so it is not graded"
                if let silence { message += ": \(silence.note.english)" }
                diagnostics.append(
                    .warning(
                        at: location, message,
                        note: "give it under 'expect' if the ticket should grade it"))
            }
        }

        // A conflict is reported above; saying the ticket is never asked would repeat it.
        if !graded && !hasConflict {
            diagnostics.insert(
                .warning(
                    at: location, "no field of '\(scenario.id)' is graded, so it is never asked",
                    note: "give the fields under 'expect', or change its facts"),
                at: 0)
        }
        return diagnostics
    }
}
