import Foundation
import Testing

/// The REPL on a pseudo-terminal: what a trainee types, and what the screen shows.
@Suite("practice on a terminal", .serialized)
struct TerminalTests {
    /// A UTF-8 terminal for a trainee of its own: home and history in a new folder.
    static func freshTrainee() throws -> [String: String] {
        let state = try Harness.temporaryFolder().path
        return ["LANG": "C.UTF-8", "XDG_STATE_HOME": state, "HOME": state]
    }

    @Test("Tab completes, Ctrl-C drops the line, feedback follows, Ctrl-D ends")
    func practiceTicket() throws {
        let environment = try Self.freshTrainee()
        let terminal = try TerminalSession(
            ["practice", "--in-order", "--lang", "ro"], environment: environment)

        var screen = try terminal.waitFor("tip>")
        #expect(screen.contains("Tichetul 1 din 28"))
        // Ids often tell the facts, so the id waits for the feedback.
        #expect(!screen.contains("cluj-pharmacy-pos-no-db"))
        #expect(screen.contains("Tip: 1 HelpDesk  2 Service soluție  3 Asistență fiscală"))

        // Tab completes a prefix to the full label, diacritics included.
        try terminal.type("serv")
        try terminal.press("Tab")
        screen = try terminal.waitFor("tip> Service soluție")
        #expect(try terminal.lastLine() == "tip> Service soluție")

        // Ctrl-C drops that line and asks again; the program stays.
        try terminal.press("C-c")
        try terminal.waitFor("^C")
        #expect(try terminal.lastLine() == "tip>")

        // The first bundled ticket: sales stopped, so HelpDesk, Ridicată, Critică.
        try terminal.type("1")
        try terminal.press("Enter")
        try terminal.waitFor("prioritate>")
        try terminal.type("normala")
        try terminal.press("Enter")
        try terminal.waitFor("gravitate>")

        // "fu" begins both the label and its gloss: one choice, so Tab gives the label.
        try terminal.type("fu")
        try terminal.press("Tab")
        try terminal.waitFor("gravitate> Funcționalitate")
        #expect(try terminal.lastLine() == "gravitate> Funcționalitate")
        try terminal.press("C-c")
        try terminal.waitFor("gravitate> Funcționalitate^C")

        try terminal.type("crit")
        try terminal.press("Enter")

        screen = try terminal.waitFor("Termen de contact")
        #expect(screen.contains("✓ Tip         HelpDesk"))
        #expect(screen.contains("✗ Prioritate  Normală, corect: Ridicată"))
        #expect(screen.contains("✓ Gravitate   Critică"))
        #expect(screen.contains("Regula sales-stopped (IV, HelpDesk, ex. 1)"))
        #expect(screen.contains("  scenariul cluj-pharmacy-pos-no-db"))
        #expect(screen.contains("2 ore"))

        // Ctrl-D on an empty line ends with the summary.
        try terminal.waitFor("Tichetul 2 din 28")
        try terminal.press("C-d")
        screen = try terminal.waitFor("[exited 0]")
        #expect(screen.contains("Exersarea s-a încheiat."))
        #expect(screen.contains("Punctaj: 2 din 3"))

        // Every answer went into the history file under XDG_STATE_HOME.
        let state = URL(fileURLWithPath: try #require(environment["XDG_STATE_HOME"]))
        let history = try String(
            contentsOf: state.appendingPathComponent("ticket-trainer/history"), encoding: .utf8)
        #expect(history.contains("normala"))
    }

    @Test("after Ctrl-Z and fg in a shell, the line is drawn again and editing goes on")
    func suspendAndResume() throws {
        let terminal = try TerminalSession(
            [], environment: try Self.freshTrainee(),
            inShell: true)
        try terminal.type(
            TerminalSession.shellCommand(["practice", "--in-order", "--lang", "en"]))
        try terminal.press("Enter")
        try terminal.waitFor("type>")
        try terminal.type("serv")
        try terminal.waitFor("type> serv")

        // The shell takes the terminal back and prints over the line.
        try terminal.press("C-z")
        try terminal.waitFor("Stopped")
        try terminal.type("fg")
        try terminal.press("Enter")

        // Back in the foreground: the prompt and what was typed are shown again, and keys
        // edit the line as before (Tab completes, so the terminal is raw again).
        #expect(try terminal.waitForLastLine("type> serv", seconds: 5) == "type> serv")
        try terminal.press("Tab")
        #expect(
            try terminal.waitForLastLine("type> Service soluție", seconds: 5)
                == "type> Service soluție")
    }

    @Test("a long line stays one line to edit when the window narrows and widens")
    func resizeMidLine() throws {
        let terminal = try TerminalSession(
            ["practice", "--in-order", "--lang", "en"],
            environment: try Self.freshTrainee(),
            columns: 80, rows: 24)
        try terminal.waitFor("type>")
        let typed = String(repeating: "abcdefghij", count: 6)
        try terminal.type(typed)
        try terminal.waitFor("abcdefghij")

        // 66 characters in 25 columns take three rows; the edit goes to the line's start.
        try terminal.resize(columns: 25, rows: 24)
        Thread.sleep(forTimeInterval: 0.5)
        try terminal.press("C-a")
        try terminal.type("X")
        var screen = try terminal.waitFor("type> Xabc")
        var rows = screen.split(separator: "\n").map(String.init)
        var start = try #require(rows.lastIndex { $0.hasPrefix("type> ") })
        #expect(rows[start...].joined() == "type> X" + typed)
        #expect(rows.filter { $0.hasPrefix("type> ") }.count == 1)

        try terminal.resize(columns: 100, rows: 24)
        Thread.sleep(forTimeInterval: 0.5)
        try terminal.type("Y")
        screen = try terminal.waitFor("type> XYabc")
        rows = screen.split(separator: "\n").map(String.init)
        start = try #require(rows.lastIndex { $0.hasPrefix("type> ") })
        #expect(rows[start...].joined() == "type> XY" + typed)
    }

    @Test("the interface is English with --lang en, and help lists the commands")
    func englishHelp() throws {
        let terminal = try TerminalSession(
            ["test", "--in-order", "--lang", "en"],
            environment: try Self.freshTrainee())

        try terminal.waitFor("type>")
        try terminal.type("help")
        try terminal.press("Enter")
        // The final test has no hints and no lesson, and tells progress rather than score.
        var screen = try terminal.waitFor("quit       end")
        #expect(!screen.contains("hint       the ticket's facts"))
        #expect(screen.contains("score      how many tickets are done"))

        try terminal.type("hint")
        try terminal.press("Enter")
        screen = try terminal.waitFor("There are no hints in the final test.")

        try terminal.type("quit")
        try terminal.press("Enter")
        screen = try terminal.waitFor("[exited 0]")
        #expect(screen.contains("The test stopped before the first answer; nothing was kept."))
    }
}
