import Foundation
import Testing
import TicketTrainerCore

@testable import TicketTrainerFormats

/// The shortcut must read the plain way of writing a scenario exactly as the full reading
/// does, and leave everything else to it.
@Suite("Reading plain scenarios straight from parser events")
struct ScenarioShortcutTests {
    /// The bundled lesson, and a decoder and a shortcut for it.
    static func tools() throws -> (ScenarioDecoder, ScenarioShortcut) {
        let course = CourseLoader().load([Files.lesson])
        let lesson = try #require(course.lessons.first)
        return (
            ScenarioDecoder(lesson: lesson, file: "x.yaml"),
            ScenarioShortcut(
                lesson: lesson, choiceReaders: lesson.fields.map(ChoiceReader.init))
        )
    }

    /// The items of a scenario file's list, as the parser hands them over.
    static func tapes(ofFile path: String) -> [YAMLTape] {
        var tapes: [YAMLTape] = []
        _ = YAMLParser().parse(fileAt: path) { key, _ in
            key == "scenarios" ? { tapes.append($0) } : nil
        }
        return tapes
    }

    /// One scenario written into a file of its own, read back as a tape.
    static func tape(of scenario: String) throws -> YAMLTape {
        let folder = try Files.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("one.yaml").path
        try ("lesson: crm-ticket-monitor\nscenarios:\n" + scenario)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return try #require(tapes(ofFile: path).first)
    }

    @Test("Every bundled scenario is read by the shortcut, the same as in full")
    func bundledScenarios() throws {
        var (decoder, shortcut) = try Self.tools()
        for name in ["practice.yaml", "final-test.yaml"] {
            let path = Files.repository.appendingPathComponent("Scenarios/\(name)").path
            let tapes = Self.tapes(ofFile: path)
            #expect(tapes.count == (name == "practice.yaml" ? 28 : 15))

            for tape in tapes {
                var diagnostics: [Diagnostic] = []
                let node = try #require(tape.node(diagnostics: &diagnostics))
                let full = decoder.decodeScenario(node)
                #expect(full != nil)
                #expect(shortcut.scenario(on: tape) == full)
            }
        }
    }

    static let rarerForms = [
        // YAML 1.1's 'yes' for true.
        "  - {id: a, ticket: t, facts: {request: fault, sales_stopped: yes}}\n",
        // A label without its diacritics, in lower case.
        "  - {id: a, ticket: t, facts: {request: fiscal}, expect: {priority: ridicata}}\n",
        // A quoted 'true' is text, not a boolean: a fault.
        "  - {id: a, ticket: t, facts: {request: fault, sales_stopped: \"true\"}}\n",
        // An unknown key: a fault.
        "  - {id: a, tiket: t, facts: {request: fault}}\n",
        // A fact given twice: a fault.
        "  - {id: a, ticket: t, facts: {request: fault, request: how-to}}\n",
        // A fact with no default left out: a fault.
        "  - {id: a, ticket: t, facts: {sales_stopped: true}}\n",
    ]

    @Test("Rarer forms and faults are left to the full reading", arguments: rarerForms)
    func rarerFormsAreLeft(_ scenario: String) throws {
        let (_, shortcut) = try Self.tools()
        #expect(shortcut.scenario(on: try Self.tape(of: scenario)) == nil)
    }

    @Test("A ticket's languages in either order, and an empty 'expect', are plain forms")
    func plainForms() throws {
        let (_, shortcut) = try Self.tools()
        let tape = try Self.tape(
            of: "  - {id: a, ticket: {en: Hi, ro: Bună}, facts: {request: how-to}, expect: {}}\n")
        let scenario = try #require(shortcut.scenario(on: tape))
        #expect(scenario.ticket == LocalizedText(romanian: "Bună", english: "Hi"))
        #expect(scenario.facts == [FactID("request"): .choice("how-to")])
        #expect(scenario.expected.isEmpty)
        #expect(scenario.origin.id?.line == 3)
    }
}
