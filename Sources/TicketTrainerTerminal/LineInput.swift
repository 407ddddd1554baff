/// What reading one line from the trainee produced.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed was dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Something that reads the trainee's answers, one line at a time.
public protocol LineReader: AnyObject {
    /// Reads a line after showing `prompt`. `completions` lists what Tab may offer: one
    /// group of spellings for each choice, the spelling to insert first.
    func readLine(prompt: String, completions: [[String]]) -> LineInput

    /// Whether the reader echoes what was typed (a terminal does, a pipe does not).
    var echoesInput: Bool { get }
}
