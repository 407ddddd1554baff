import Foundation
import Testing
import TicketTrainerCore
import TicketTrainerFormats

/// The fixture files, copied next to the tests, and the repository's own lesson files.
enum Files {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let lesson = repository.appendingPathComponent("Lessons/crm-ticket-monitor.yaml").path
    static let lessons = repository.appendingPathComponent("Lessons").path
    static let scenarios = repository.appendingPathComponent("Scenarios").path

    static func fixture(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let path = folder.appendingPathComponent(name).path
        try #require(FileManager.default.fileExists(atPath: path), "missing fixture \(name)")
        return path
    }

    /// The bytes of a fixture, to check it still holds what the test is about.
    static func bytes(of name: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: try fixture(name))))
    }

    /// A scenario file needs its lesson: the bundled one is loaded with it.
    static func loadScenarios(_ name: String) throws -> (course: Course, path: String) {
        let path = try fixture(name)
        return (CourseLoader().load([lesson, path]), path)
    }

    /// A new folder for files a test writes; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ticket-trainer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `bytes` to a new temporary file, loads it with the bundled lesson, and cleans up.
    static func loadWritten(_ bytes: [UInt8]) throws -> (course: Course, path: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("generated.yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (CourseLoader().load([lesson, path]), path)
    }
}

/// One finding the loader should report: where, the words its message must hold, and
/// the words of its note, if it should have one.
struct Finding: Sendable, CustomStringConvertible {
    var line: Int
    var column: Int
    var words: [String]
    var note: [String] = []

    var description: String { "\(line):\(column) \(words)" }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error && diagnostic.location.line == line
            && diagnostic.location.column == column
            && words.allSatisfy { diagnostic.message.contains($0) }
            && note.allSatisfy { diagnostic.note?.contains($0) == true }
    }
}

/// Checks that the diagnostics about `file` are exactly `expected`, in any order.
func expectFindings(
    _ diagnostics: [Diagnostic], in file: String, _ expected: [Finding],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let mine = diagnostics.filter { $0.location.file == file }
    let others = diagnostics.filter { $0.location.file != file }
    #expect(
        others.isEmpty, "findings about other files: \(others)", sourceLocation: sourceLocation)
    #expect(
        mine.count == expected.count, "expected \(expected), got \(mine)",
        sourceLocation: sourceLocation)
    for finding in expected {
        #expect(
            mine.contains(where: finding.matches), "no finding \(finding) among \(mine)",
            sourceLocation: sourceLocation)
    }
}
