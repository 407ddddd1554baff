import Foundation

/// Finds the built `ticket-trainer` and runs it the ways a person would.
enum Harness {
    /// The package's root folder, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (both live in the build's products folder).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["TICKET_TRAINER_BIN"] { return path }
        let runner =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // The runner may sit inside an .xctest bundle folder.
        while !FileManager.default.fileExists(
            atPath: folder.appendingPathComponent("ticket-trainer").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("ticket-trainer").path
    }

    /// A fresh folder for one test's state and history files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ticket-trainer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// What a finished run printed, and how it exited.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the binary with standard input from a pipe.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:]
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LANG"] = "C.UTF-8"
        merged["LC_ALL"] = nil
        merged["NO_COLOR"] = nil
        // Results go to a folder of this run's own unless the test names one.
        merged["TICKET_TRAINER_DATA_DIR"] = try temporaryFolder().path
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.currentDirectoryURL = FileManager.default.temporaryDirectory

        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()

        // Read both streams while writing, so a full pipe never blocks either side.
        let group = DispatchGroup()
        nonisolated(unsafe) var output = Data()
        nonisolated(unsafe) var errors = Data()
        DispatchQueue.global().async(group: group) {
            output = stdout.fileHandleForReading.readDataToEndOfFile()
        }
        DispatchQueue.global().async(group: group) {
            errors = stderr.fileHandleForReading.readDataToEndOfFile()
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()

        return Run(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}
