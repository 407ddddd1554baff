import Foundation
import Testing
import TicketTrainerCore
import TicketTrainerFormats

/// The lesson as trainers ship it. The tests read the file in the repository rather than
/// a copy, so a change to the real rules is checked against what LESSON-FACTS teaches.
enum BundledLesson {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let path = repository.appendingPathComponent("Lessons/crm-ticket-monitor.yaml").path

    static let course = CourseLoader().load([path])

    /// The loaded lesson; a test that needs it fails, rather than crashes, if it is broken.
    static func load() throws -> Lesson {
        try #require(course.diagnostics.isEmpty, "\(course.diagnostics)")
        return try #require(course.lessons.first)
    }

    /// The line of the lesson file that holds `text`, to check where findings point.
    static func line(containing text: String) throws -> Int {
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(text) })
        return index + 1
    }
}

extension FieldID {
    static let ticketType = FieldID("type")
    static let priority = FieldID("priority")
    static let severity = FieldID("severity")
}

extension FactID {
    static let request = FactID("request")
    static let salesStopped = FactID("sales_stopped")
    static let operatorError = FactID("operator_error")
    static let remoteFixFailed = FactID("remote_fix_failed")
}

/// A ticket's facts as the lesson's vocabulary writes them: what the client asks for, and
/// the boolean facts that hold. The others are left out, which the lesson says means false.
func ticket(_ request: String, _ holding: FactID...) -> Facts {
    var facts: Facts = [.request: .choice(request)]
    for fact in holding { facts[fact] = .boolean(true) }
    return facts
}

/// A scenario of the bundled lesson, with nothing but its facts and what it states.
func scenario(
    _ id: String, _ facts: Facts, expect expected: [FieldID: String] = [:],
    origin: ScenarioOrigin = ScenarioOrigin()
) -> Scenario {
    Scenario(
        id: id, ticket: LocalizedText("ticket \(id)"), facts: facts, expected: expected,
        origin: origin)
}

/// Small lessons built in code, each shaped to show one behaviour of the decision table.
///
/// One field, `priority` (Ridicată or Redusă); two facts, `request` (fault or how-to) and
/// the boolean `vip`. Four combinations in all, so every gap and overlap can be counted.
enum HandBuilt {
    static let priority = Field(
        id: .priority, name: LocalizedText("Prioritate"),
        choices: [
            Choice(label: "Ridicată", english: "high"),
            Choice(label: "Redusă", english: "low"),
        ])

    static let facts = [
        FactDefinition(
            id: .request, kind: .choice(["fault", "how-to"]),
            meaning: LocalizedText("what the client asks for")),
        FactDefinition(
            id: FactID("vip"), kind: .boolean, meaning: LocalizedText("an important client")),
    ]

    static func rule(
        _ id: String, when conditions: [String: FactValue], gives label: String,
        overrides: [String] = []
    ) -> Rule {
        Rule(
            id: RuleID(id), source: "hand-built",
            conditions: Dictionary(
                uniqueKeysWithValues: conditions.map { (FactID($0.key), [$0.value]) }),
            outcome: [.priority: label], overrides: Set(overrides.map(RuleID.init)),
            explanation: LocalizedText(id))
    }

    static func lesson(_ rules: [Rule]) -> Lesson {
        Lesson(
            id: "hand-built", title: LocalizedText("Hand-built"), passMark: 80,
            fields: [priority], facts: facts, rules: rules)
    }
}
