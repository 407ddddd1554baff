import Testing
import TicketTrainerCore

/// One of the lesson's admitted silences, as the table analysis should report it.
struct SilenceCase: CustomTestStringConvertible, Sendable {
    var field: String
    /// How many of the 32 combinations of facts (4 requests, 3 booleans) it leaves open.
    var combinations: Int
    /// The line of `silent:` in the lesson that admits it.
    var written: String

    var testDescription: String { "\(field) when \(written)" }
}

@Suite("Table analysis")
struct TableAnalysisTests {
    @Test("The bundled lesson has no gap, no disagreeing overlap, no dead rule")
    func bundledLessonHasNoErrors() throws {
        let findings = TableAnalysis(lesson: try BundledLesson.load()).findings()
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
    }

    @Test("The bundled lesson's combinations: 4 requests times 2 for each of 3 booleans")
    func combinations() throws {
        let combinations = TableAnalysis(lesson: try BundledLesson.load()).combinations()
        #expect(combinations?.count == 32)
        #expect(Set(combinations ?? []).count == 32)
    }

    static let silences = [
        // Fiscal: every value of the three booleans, 2 * 2 * 2.
        SilenceCase(field: "priority", combinations: 8, written: "- when: { request: fiscal }"),
        SilenceCase(field: "severity", combinations: 8, written: "- when: { request: fiscal }"),
        SilenceCase(field: "priority", combinations: 8, written: "- when: { request: service }"),
        SilenceCase(field: "severity", combinations: 8, written: "- when: { request: service }"),
        // How-to with remote_fix_failed fixed to true leaves 2 * 2.
        SilenceCase(
            field: "type", combinations: 4,
            written: "- when: { request: how-to, remote_fix_failed: true }"),
    ]

    @Test("Exactly the lesson's three silences warn, once per silent field")
    func fiveWarnings() throws {
        let warnings = TableAnalysis(lesson: try BundledLesson.load()).findings()
            .filter { $0.severity == .warning }
        #expect(warnings.count == Self.silences.count, "\(warnings)")
    }

    @Test(arguments: silences)
    func silenceWarns(_ silence: SilenceCase) throws {
        let warnings = TableAnalysis(lesson: try BundledLesson.load()).findings()
            .filter { $0.severity == .warning }
        let line = try BundledLesson.line(containing: silence.written)
        let matching = warnings.filter {
            $0.location.line == line
                && $0.message.contains(
                    "no rule decides \(silence.field) in \(silence.combinations) combinations")
        }
        #expect(matching.count == 1, "\(warnings)")
    }

    @Test("A combination no rule decides is a gap, with an example")
    func gap() {
        // Faults are decided only for VIPs: a fault for anyone else is the one gap.
        let lesson = HandBuilt.lesson([
            HandBuilt.rule(
                "vip-fault", when: ["request": .choice("fault"), "vip": .boolean(true)],
                gives: "Ridicată"),
            HandBuilt.rule("question", when: ["request": .choice("how-to")], gives: "Redusă"),
        ])
        let errors = TableAnalysis(lesson: lesson).findings().filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let message = errors.first?.message ?? ""
        #expect(message.contains("gap"))
        #expect(message.contains("priority"))
        #expect(message.contains("request=fault, vip=false"))
        #expect(!message.contains("more combinations"))
    }

    @Test("Two rules that fire together and disagree are an overlap naming both")
    func overlap() {
        // A VIP's fault fires both the first two rules: Ridicată against Redusă.
        let lesson = HandBuilt.lesson([
            HandBuilt.rule(
                "fault-is-urgent", when: ["request": .choice("fault")], gives: "Ridicată"),
            HandBuilt.rule("vip-waits", when: ["vip": .boolean(true)], gives: "Redusă"),
            HandBuilt.rule(
                "question-waits", when: ["request": .choice("how-to"), "vip": .boolean(false)],
                gives: "Redusă"),
        ])
        let errors = TableAnalysis(lesson: lesson).findings().filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let message = errors.first?.message ?? ""
        #expect(message.contains("overlap"))
        #expect(message.contains("'fault-is-urgent'"))
        #expect(message.contains("'vip-waits'"))
        #expect(message.contains("request=fault, vip=true"))
    }

    @Test("A rule always overridden when it fires can never decide anything")
    func deadRule() {
        // 'vip-fault' fires only on faults, where 'fault-is-urgent' fires too and wins.
        let lesson = HandBuilt.lesson([
            HandBuilt.rule(
                "fault-is-urgent", when: ["request": .choice("fault")], gives: "Ridicată",
                overrides: ["vip-fault"]),
            HandBuilt.rule(
                "vip-fault", when: ["request": .choice("fault"), "vip": .boolean(true)],
                gives: "Redusă"),
            HandBuilt.rule("question", when: ["request": .choice("how-to")], gives: "Redusă"),
        ])
        let errors = TableAnalysis(lesson: lesson).findings().filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("rule 'vip-fault' can never decide") == true)
    }
}
