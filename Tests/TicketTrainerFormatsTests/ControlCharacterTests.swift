import Foundation
import Testing
import TicketTrainerCore
import TicketTrainerFormats

/// Names that end up in menus and prompts may not carry terminal control sequences; the
/// free text of a ticket may, and is kept as written for the screen to make visible.
@Suite("Control characters in names and in free text")
struct ControlCharacterTests {
    @Test("an id with an escape sequence is refused at its line and column")
    func escapeInID() throws {
        let file = """
            lesson: crm-ticket-monitor
            scenarios:
              - id: "evil\\e]0;PWNED\\a"
                ticket: "Casa nu merge."
                facts: { request: fault }

            """
        let (course, path) = try Files.loadWritten(Array(file.utf8))
        let errors = course.diagnostics.filter { $0.severity == .error }

        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: path, line: 3, column: 9))
        #expect(error.message.contains("holds a control character (U+001B)"))
        #expect(course.banks.first?.scenarios.isEmpty == true)
    }

    @Test("a ticket's text keeps its escape sequences, to be shown as text")
    func escapeInTicket() throws {
        let file = """
            lesson: crm-ticket-monitor
            scenarios:
              - id: plain-id
                ticket: "Casa \\e[2J nu merge."
                facts: { request: fault }

            """
        let (course, _) = try Files.loadWritten(Array(file.utf8))

        #expect(!course.diagnostics.containsErrors)
        let ticket = try #require(course.banks.first?.scenarios.first?.ticket)
        #expect(ticket.romanian == "Casa \u{1B}[2J nu merge.")
    }
}
