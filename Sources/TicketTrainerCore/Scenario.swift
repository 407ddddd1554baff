/// A practice or test ticket: what the client said, and the facts that decide it.
public struct Scenario: Hashable, Sendable {
    public var id: String
    public var ticket: LocalizedText
    /// As written in the file; facts left out take the lesson's defaults when decided.
    public var facts: Facts
    /// Values the scenario states itself, needed where the lesson is silent.
    public var expected: [FieldID: String]
    /// Where the scenario and its parts were written, for findings about it.
    public var origin: ScenarioOrigin

    public init(
        id: String,
        ticket: LocalizedText,
        facts: Facts,
        expected: [FieldID: String] = [:],
        origin: ScenarioOrigin = ScenarioOrigin()
    ) {
        self.id = id
        self.ticket = ticket
        self.facts = facts
        self.expected = expected
        self.origin = origin
    }
}

/// The places in a file where a scenario's parts were written.
public struct ScenarioOrigin: Hashable, Sendable {
    public var scenario: SourceLocation?
    public var id: SourceLocation?
    public var facts: SourceLocation?
    public var expected: [FieldID: SourceLocation]

    public init(
        scenario: SourceLocation? = nil,
        id: SourceLocation? = nil,
        facts: SourceLocation? = nil,
        expected: [FieldID: SourceLocation] = [:]
    ) {
        self.scenario = scenario
        self.id = id
        self.facts = facts
        self.expected = expected
    }
}

/// What a bank of scenarios is for.
public enum ScenarioPurpose: String, Sendable, CaseIterable {
    case practice
    case finalTest = "final-test"
}

/// The scenarios of one file.
public struct ScenarioBank: Hashable, Sendable {
    public var lessonID: String
    public var purpose: ScenarioPurpose
    public var scenarios: [Scenario]
    public var file: String

    public init(lessonID: String, purpose: ScenarioPurpose, scenarios: [Scenario], file: String) {
        self.lessonID = lessonID
        self.purpose = purpose
        self.scenarios = scenarios
        self.file = file
    }
}
