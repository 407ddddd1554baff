import Foundation

/// The real binary on a real pseudo-terminal, inside tmux: keys go in with `send-keys`,
/// and the screen comes back with `capture-pane`, as a person would see it.
final class TerminalSession {
    private let socket: String
    private let session = "trainer"

    /// Starts the binary with `arguments` in a detached tmux session of the given size;
    /// with `inShell`, starts an interactive bash instead, with job control, to type the
    /// command into (`shellCommand`).
    init(
        _ arguments: [String], environment: [String: String], columns: Int = 100,
        rows: Int = 40, inShell: Bool = false
    ) throws {
        socket = "tt-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }
            .sorted().joined(separator: " ")
        let command =
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color \(exports) "
            + (inShell
                ? "bash --norc --noprofile -i"
                : ([Harness.binary] + arguments).map(Self.quote).joined(separator: " ")
                    + "; echo '[exited' $?']'; sleep 30")
        // The server this starts keeps running; it must not hold a pipe of ours open.
        try tmux(
            ["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command],
            capture: false)
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Resizes the window, as a person dragging its edge would.
    func resize(columns: Int, rows: Int) throws {
        try tmux(
            ["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"],
            capture: false)
    }

    /// The command line that runs the binary with these arguments, to type into a shell.
    static func shellCommand(_ arguments: [String]) -> String {
        ([Harness.binary] + arguments).map(quote).joined(separator: " ")
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
        try poll(seconds: seconds, reading: screen) { $0.contains(text) }
    }

    /// Waits until the last line of the screen is `text`, or the time is up; the last
    /// line either way.
    @discardableResult
    func waitForLastLine(_ text: String, seconds: Double = 20) throws -> String {
        try poll(seconds: seconds, reading: lastLine) { $0 == text }
    }

    /// Reads until what is read is `wanted`, or the time is up; the last reading.
    private func poll(
        seconds: Double, reading read: () throws -> String, until wanted: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try read()
            if wanted(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return last
    }

    /// The last row that is not blank: where the cursor's prompt usually is. tmux drops
    /// trailing spaces, so an empty prompt `tip> ` reads as `tip>`.
    func lastLine() throws -> String {
        try screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Runs tmux with posix_spawn and waits for it. Foundation's `Process` is not used
    /// because the tmux server that `new-session` leaves behind keeps its watcher waiting.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputFile) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, capture ? outputFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }

        // The test runner's threads may block or ignore signals; the terminal's programs
        // must start as a login shell's would, with Ctrl-C delivered.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw TerminalError.spawn(spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}

        guard capture else { return "" }
        return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    }

    enum TerminalError: Error {
        case spawn(Int32)
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
