import Foundation

/// The real binary on a real pseudo-terminal, inside tmux: keys go in with `send-keys`,
/// and the screen comes back with `capture-pane`, as a person would see it.
final class TerminalSession {
    private let socket: String
    private let session = "trainer"

    /// Starts `command` in a detached tmux session of the given size.
    init(
        _ arguments: [String], environment: [String: String], columns: Int = 100,
        rows: Int = 40
    ) throws {
        socket = "tt-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }
            .sorted().joined(separator: " ")
        let command =
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color \(exports) "
            + ([Harness.binary] + arguments).map(Self.quote).joined(separator: " ")
            + "; echo '[exited' $?']'; sleep 30"
        // The server this starts keeps running; it must not hold a pipe of ours open.
        try tmux(
            ["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command],
            capture: false)
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Types literal text (no Enter).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Presses named keys: `Enter`, `Tab`, `C-c`, `C-d`, `BSpace`.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    /// The screen as text, one string per row, trailing spaces removed.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    /// Waits until the screen shows `text`, up to `seconds`; returns the screen either way.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return last
    }

    /// The last row that is not blank: where the cursor's prompt usually is.
    func lastLine() throws -> String {
        try screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        let output = Pipe()
        process.standardOutput = capture ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = capture ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
