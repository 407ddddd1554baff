import Testing
import TicketTrainerCore

/// What typing some text into a field should give.
enum Outcome: Sendable, Equatable {
    case choice(String)
    case ambiguous([String])
    case unknown
    case empty

    init(_ match: AnswerMatch) {
        switch match {
        case .choice(let choice): self = .choice(choice.label)
        case .ambiguous(let choices): self = .ambiguous(choices.map(\.label))
        case .unknown: self = .unknown
        case .empty: self = .empty
        }
    }
}

/// One answer typed by a trainee, described in words because the text may not print well.
struct Typed: CustomTestStringConvertible, Sendable {
    var field: FieldID
    var text: String
    var outcome: Outcome
    var why: String

    init(_ field: FieldID, _ text: String, _ outcome: Outcome, _ why: String) {
        self.field = field
        self.text = text
        self.outcome = outcome
        self.why = why
    }

    var testDescription: String { "\(field): \(why)" }
}

@Suite("Answer matching on the bundled lesson's fields")
struct AnswerMatcherTests {
    static let spellings: [Typed] = [
        Typed(.ticketType, "HelpDesk", .choice("HelpDesk"), "the label as the CRM writes it"),
        Typed(.ticketType, "helpdesk", .choice("HelpDesk"), "lowercase"),
        Typed(.ticketType, "HELPDESK", .choice("HelpDesk"), "uppercase"),
        Typed(.ticketType, "help desk", .choice("HelpDesk"), "with a space"),
        Typed(.ticketType, "Help-Desk", .choice("HelpDesk"), "with a hyphen"),
        Typed(.ticketType, "service solutie", .choice("Service soluție"), "no diacritics"),
        Typed(.ticketType, "SERVICE SOLUȚIE", .choice("Service soluție"), "caps, comma-below"),
        Typed(.ticketType, "Service solu\u{0163}ie", .choice("Service soluție"), "cedilla ţ"),
        Typed(
            .ticketType, "ASISTEN\u{0162}\u{0102} FISCAL\u{0102}", .choice("Asistență fiscală"),
            "cedilla Ţ in capitals"),
        Typed(
            .ticketType, "Service solut\u{0326}ie", .choice("Service soluție"),
            "decomposed t + comma below"),
        Typed(.ticketType, "asistenta fiscala", .choice("Asistență fiscală"), "no diacritics"),
        Typed(.ticketType, "on-site service", .choice("Service soluție"), "English gloss"),
        Typed(.ticketType, "fiscal assistance", .choice("Asistență fiscală"), "English gloss"),
        Typed(.ticketType, "remote helpdesk", .choice("HelpDesk"), "English gloss"),
        Typed(.ticketType, "on-site", .choice("Service soluție"), "alias"),
        Typed(.priority, "Ridicată", .choice("Ridicată"), "the label"),
        Typed(.priority, "RIDICATA", .choice("Ridicată"), "caps, no diacritics"),
        Typed(
            .priority, "Ridicat\u{0061}\u{0306}", .choice("Ridicată"), "decomposed a + breve"),
        Typed(.priority, "normala", .choice("Normală"), "no diacritics"),
        Typed(.priority, "high", .choice("Ridicată"), "English gloss"),
        Typed(.priority, "low", .choice("Redusă"), "English gloss"),
        Typed(.priority, "medium", .choice("Normală"), "alias"),
        Typed(.severity, "critica", .choice("Critică"), "no diacritics"),
        Typed(.severity, "low", .choice("Redusă"), "English gloss of severity, not priority"),
        Typed(.severity, "functionality", .choice("Funcționalitate"), "English gloss"),
        Typed(
            .severity, "FUNC\u{0162}IONALITATE", .choice("Funcționalitate"),
            "cedilla Ţ in capitals"),
        Typed(.severity, "how-to", .choice("Funcționalitate"), "alias"),
    ]

    static let numbersAndPrefixes: [Typed] = [
        Typed(.ticketType, "1", .choice("HelpDesk"), "menu number 1"),
        Typed(.ticketType, "2", .choice("Service soluție"), "menu number 2"),
        Typed(.ticketType, " 3 ", .choice("Asistență fiscală"), "menu number 3 with spaces"),
        Typed(.priority, "3", .choice("Redusă"), "menu number 3"),
        Typed(.ticketType, "0", .unknown, "0 is before the menu"),
        Typed(.ticketType, "4", .unknown, "4 is past the menu"),
        Typed(.severity, "4", .unknown, "4 is past the menu"),
        Typed(.ticketType, "serv", .choice("Service soluție"), "prefix 'serv'"),
        Typed(.priority, "ri", .choice("Ridicată"), "prefix 'ri'"),
        Typed(.severity, "fun", .choice("Funcționalitate"), "prefix 'fun'"),
        Typed(.severity, "r", .choice("Redusă"), "'r' is only Redusă among severities"),
        Typed(
            .priority, "r", .ambiguous(["Ridicată", "Redusă"]),
            "'r' begins both Ridicată and Redusă"),
        Typed(.ticketType, "xyz", .unknown, "nothing like it"),
        Typed(.priority, "urgent", .unknown, "not a priority of the lesson"),
        Typed(.ticketType, "", .empty, "nothing typed"),
        Typed(.ticketType, "   ", .empty, "only spaces"),
        Typed(.priority, "\t ", .empty, "only a tab and a space"),
    ]

    @Test(arguments: spellings + numbersAndPrefixes)
    func matches(_ typed: Typed) throws {
        let field = try #require(try BundledLesson.load().field(typed.field))
        #expect(Outcome(AnswerMatcher(field: field).match(typed.text)) == typed.outcome)
    }

    @Test("Cedilla ş and Ş stand for comma-below ș and Ș")
    func cedillaS() {
        // No label of the bundled lesson has an ș, so a field is built with two that do.
        let city = Field(
            id: FieldID("city"), name: LocalizedText("Oraș"),
            choices: [
                Choice(label: "Reșița", english: "Resita"), Choice(label: "Iași", english: "Iasi"),
            ])
        let matcher = AnswerMatcher(field: city)
        #expect(Outcome(matcher.match("Re\u{015F}i\u{0163}a")) == .choice("Reșița"))
        #expect(Outcome(matcher.match("RE\u{015E}I\u{0162}A")) == .choice("Reșița"))
        #expect(Outcome(matcher.match("ia\u{015F}i")) == .choice("Iași"))
        #expect(Outcome(matcher.match("IA\u{015E}I")) == .choice("Iași"))
        #expect(Outcome(matcher.match("Ias\u{0326}i")) == .choice("Iași"))
    }

    @Test("Files name choices exactly: no prefixes, no menu numbers")
    func exactChoice() throws {
        let lesson = try BundledLesson.load()
        let priority = AnswerMatcher(field: try #require(lesson.field(.priority)))
        #expect(priority.exactChoice("Ridicata")?.label == "Ridicată")
        #expect(priority.exactChoice("medium")?.label == "Normală")
        #expect(priority.exactChoice("ri") == nil)
        #expect(priority.exactChoice("1") == nil)
    }

    @Test("Tab completion offers the choices a prefix leaves, in menu order")
    func completions() throws {
        let lesson = try BundledLesson.load()
        let priority = AnswerMatcher(field: try #require(lesson.field(.priority)))
        #expect(priority.completions(of: "r").map(\.label) == ["Ridicată", "Redusă"])
        #expect(priority.completions(of: "").map(\.label) == ["Ridicată", "Normală", "Redusă"])
    }
}

@Suite("Near misses for 'did you mean'")
struct NearMissTests {
    @Test func editDistance() {
        #expect(NearMiss.editDistance("kitten", "sitting") == 3)
        #expect(NearMiss.editDistance("", "abc") == 3)
        #expect(NearMiss.editDistance("fault", "fault") == 0)
    }

    @Test func closest() {
        let keys = ["lesson", "title", "pass_mark", "fields", "facts", "rules", "silent"]
        #expect(NearMiss.closest(to: "pas_mark", among: keys) == "pass_mark")
        #expect(NearMiss.closest(to: "Rules", among: keys) == "rules")
        #expect(NearMiss.closest(to: "explanation", among: keys) == nil)
        // Two edits would rewrite a two-letter word whole: 'de' is no typo for 'ro'.
        #expect(NearMiss.closest(to: "de", among: ["ro", "en"]) == nil)
        #expect(NearMiss.closest(to: "rp", among: ["ro", "en"]) == "ro")
    }
}
