import TicketTrainerCore
import TicketTrainerTerminal

/// Prints findings and errors on standard error, in the compilers' form.
enum Diagnostics {
    /// Each finding as `FILE:LINE:COLUMN: error: message`, then its note. File names and
    /// messages quote the user's files, so they are made visible, never obeyed.
    static func print(_ diagnostics: [Diagnostic], to console: Console = .error) {
        let style = Style.detect(isTerminal: console.isTerminal)
        for diagnostic in diagnostics {
            let place = SafeText.visible(diagnostic.location.description, keepingNewlines: false)
            let tag = diagnostic.severity == .error ? style.bad("error") : style.warn("warning")
            console.line(
                "\(place): \(tag): " + SafeText.visible(diagnostic.message, keepingNewlines: false))
            if let note = diagnostic.note {
                console.line("\(place): note: " + SafeText.visible(note, keepingNewlines: false))
            }
        }
    }

    static func fail(_ message: String, note: String? = nil) {
        let style = Style.detect(isTerminal: Console.error.isTerminal)
        Console.error.line("ticket-trainer: " + style.bad("error") + ": " + message)
        if let note { Console.error.line("ticket-trainer: note: " + note) }
    }
}
