import CEditLine
import CEditLineShim
import Foundation
import TicketTrainerCore

/// Reads lines on a terminal with libedit: editing, a history kept in a file, Tab
/// completing the choices of the field being asked, Ctrl-C dropping the line.
///
/// This is the only file that sees libedit. One editor exists per process, because the
/// prompt and the Ctrl-C flag live in the C shim.
public final class LineEditor: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer?
    private let historyFile: String?
    private var completions: [[String]] = []

    /// Opens the editor on standard input and output. `historyFile` is created if missing.
    public init?(historyFile: String?) {
        guard let editor = tt_el_open("ticket-trainer") else { return nil }
        self.editor = editor
        self.historyFile = historyFile

        history = tt_history_open(1000)
        if let history {
            tt_el_set_history(editor, history)
            if let historyFile { _ = tt_history_load(history, historyFile) }
        }

        tt_el_set_editor(editor, "emacs")
        tt_el_read_interruptibly(editor)
        tt_catch_interrupts()
        tt_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        tt_el_add_function(editor, "tt-complete", "complete the choice", completeChoice)
        tt_el_bind(editor, "^I", "tt-complete")
        // The trainee's own ~/.editrc may rebind keys, as in every libedit program.
        el_source(editor, nil)
    }

    deinit {
        el_end(editor)
        if let history { history_end(history) }
    }

    public var echoesInput: Bool { true }

    public func readLine(prompt: String, completions: [[String]]) -> LineInput {
        self.completions = completions
        tt_el_set_prompt(editor, prompt)
        _ = tt_take_interrupt()

        var count: Int32 = 0
        guard let bytes = el_gets(editor, &count) else {
            if tt_take_interrupt() != 0 {
                Console.output.write("^C\n")
                return .interrupted
            }
            Console.output.write("\n")
            return .endOfInput
        }

        var line = String(cString: bytes)
        if line.hasSuffix("\n") { line.removeLast() }
        remember(line)
        return .line(line)
    }

    private func remember(_ line: String) {
        guard let history, !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        tt_history_enter(history, line)
        // Saved at once, so a killed session keeps what was typed.
        if let historyFile { _ = tt_history_save(history, historyFile) }
    }

    /// Tab: completes the line to the one choice it begins, fills in what all matching
    /// choices share, or lists them.
    fileprivate func complete() -> UInt8 {
        guard let info = el_line(editor)?.pointee, let start = info.buffer else {
            return UInt8(CC_ERROR)
        }
        let typedBytes = UnsafeRawBufferPointer(
            start: start, count: info.cursor! - info.buffer)
        let typed = String(decoding: typedBytes, as: UTF8.self)

        // A choice fits when any of its spellings begins with what was typed; what is
        // inserted is always the choice's first spelling, the CRM label.
        let typedKey = AnswerMatcher.key(for: typed)
        let fitting = completions.filter { spellings in
            spellings.contains { AnswerMatcher.key(for: $0).hasPrefix(typedKey) }
        }
        let labels = fitting.compactMap(\.first)
        guard !labels.isEmpty else { return UInt8(CC_REFRESH_BEEP) }

        if labels.count == 1 {
            replace(typed, with: labels[0])
            return UInt8(CC_REFRESH)
        }

        let shared = Self.sharedPrefix(labels)
        if AnswerMatcher.key(for: shared).count > typedKey.count {
            replace(typed, with: shared)
            return UInt8(CC_REFRESH)
        }
        Console.output.write("\r\n" + labels.joined(separator: "   ") + "\r\n")
        return UInt8(CC_REDISPLAY)
    }

    private func replace(_ typed: String, with text: String) {
        el_deletestr(editor, Int32(typed.unicodeScalars.count))
        el_insertstr(editor, text)
    }

    /// The longest start that all texts share, character by character.
    static func sharedPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first else { return "" }
        for text in texts.dropFirst() {
            prefix = String(zip(prefix, text).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }
}

/// libedit calls this on Tab; the editor is found through the client data.
private func completeChoice(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editor, let data = tt_el_client_data(editor) else { return UInt8(CC_ERROR) }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
}
