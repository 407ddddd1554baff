import Foundation

/// Reads answers from a pipe or file: no editing, no completion, no echo of its own.
public final class PlainLineReader: LineReader {
    private let output: Console
    private var pending: [UInt8] = []
    private var atEnd = false
    private let echo: Bool

    /// `echo` writes each line read after its prompt: input from a pipe is not shown by
    /// anything else, and the transcript reads better with the answers in it.
    public init(output: Console = .output, echo: Bool = true) {
        self.output = output
        self.echo = echo
    }

    public var echoesInput: Bool { !echo }

    public func readLine(prompt: String, completions: [[String]]) -> LineInput {
        output.write(prompt)
        guard let line = nextLine() else {
            output.write("\n")
            return .endOfInput
        }
        if echo { output.write(SafeText.visible(line, keepingNewlines: false) + "\n") }
        return .line(line)
    }

    /// The next line of standard input without its line end (`\n` or `\r\n`).
    private func nextLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var bytes = pending[..<newline]
                if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
                let line = String(decoding: bytes, as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                let line = String(decoding: pending, as: UTF8.self)
                pending.removeAll()
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                pending += chunk[..<count]
            }
        }
    }
}
