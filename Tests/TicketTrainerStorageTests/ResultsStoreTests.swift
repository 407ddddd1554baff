import Foundation
import Testing
import TicketTrainerCore

@testable import TicketTrainerStorage

/// The results database: its schema version, and files it must refuse without touching.
@Suite("results database")
struct ResultsStoreTests {
    func temporaryPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("results.sqlite3").path
    }

    @Test("a new database gets the current schema version")
    func newDatabase() throws {
        let path = try temporaryPath()
        _ = try ResultsStore(path: path)
        let database = try SQLiteDatabase(path: path)
        let version = try database.query("PRAGMA user_version").first?.first
        #expect(version == .integer(Int64(ResultsStore.schemaVersion)))
    }

    /// Writes one answer as the store does: attempts with none are not listed.
    static func answerOneField(of attempt: Int64, at path: String) throws {
        let database = try SQLiteDatabase(path: path)
        try database.query(
            """
            INSERT INTO answers (attempt_id, position, scenario, field, given, expected, correct,
                rule, answered_at)
            VALUES (?, 0, 'a', 'type', 'HelpDesk', 'HelpDesk', 1, NULL, '2026-12-04T10:00:00Z')
            """, [.integer(attempt)])
    }

    @Test("an SQLite file from before the schema (version 0, no tables) is upgraded")
    func olderSchemaIsUpgraded() throws {
        let path = try temporaryPath()
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute("PRAGMA user_version = 0")
        }
        let store = try ResultsStore(path: path)
        let attempt = try store.startAttempt(
            trainee: "ana", lesson: "crm-ticket-monitor", mode: .finalTest, order: ["a", "b"])
        try Self.answerOneField(of: attempt, at: path)
        let attempts = try store.attempts(trainee: "ana")
        #expect(attempts.map(\.id) == [attempt])
        #expect(attempts.first?.order == ["a", "b"])
        #expect(attempts.first?.status == "open")
    }

    @Test("a version 1 database gains the review table and keeps its attempts")
    func versionOneIsUpgraded() throws {
        let path = try temporaryPath()
        let attempt: Int64
        do {
            let store = try ResultsStore(path: path)
            attempt = try store.startAttempt(
                trainee: "ana", lesson: "crm-ticket-monitor", mode: .finalTest, order: ["a"])
            try Self.answerOneField(of: attempt, at: path)
        }
        // Turn it back into what version 1 wrote: no reviews table.
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute("DROP TABLE reviews; PRAGMA user_version = 1")
        }

        let store = try ResultsStore(path: path)
        #expect(try store.attempts(trainee: "ana").map(\.id) == [attempt])
        let review = Review(scenario: "a", box: 2, due: Date(timeIntervalSince1970: 100))
        try store.saveReview(review, trainee: "ana", lesson: "crm-ticket-monitor")
        #expect(try store.reviews(trainee: "ana", lesson: "crm-ticket-monitor") == ["a": review])

        let database = try SQLiteDatabase(path: path)
        #expect(try database.query("PRAGMA user_version").first?.first == .integer(2))
    }

    @Test("a database from a newer version is refused and left byte for byte")
    func newerSchemaIsRefused() throws {
        let path = try temporaryPath()
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute("CREATE TABLE future (x); PRAGMA user_version = 7")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        #expect(throws: StorageError.newerSchema(path: path, version: 7, supported: 2)) {
            _ = try ResultsStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a file that is not SQLite is refused and left byte for byte")
    func corruptFileIsRefused() throws {
        let path = try temporaryPath()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))

        var refused: StorageError?
        do {
            _ = try ResultsStore(path: path)
        } catch {
            refused = error
        }
        guard case .notADatabase(let refusedPath, _) = refused else {
            Issue.record("expected notADatabase, got \(String(describing: refused))")
            return
        }
        #expect(refusedPath == path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(refused?.description.contains("left untouched") == true)
    }

    @Test("an SQLite file of another program is refused, not taken over")
    func foreignDatabaseIsRefused() throws {
        let path = try temporaryPath()
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute("CREATE TABLE invoices (id INTEGER)")
        }
        #expect(throws: StorageError.self) { _ = try ResultsStore(path: path) }
    }

    @Test("two connections write at once without losing an answer")
    func concurrentWriters() async throws {
        let path = try temporaryPath()
        _ = try ResultsStore(path: path)
        let lesson = try #require(Self.tinyLesson)
        let question = Question(
            scenario: Scenario(id: "s", ticket: LocalizedText("t"), facts: [:]),
            engine: RuleEngine(lesson: lesson))

        // Each writer has its own connection, as two processes would.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try ResultsStore(path: path)
                    let attempt = try store.startAttempt(
                        trainee: "writer-\(writer)", lesson: "tiny", mode: .practice,
                        order: ["s"])
                    for position in 0..<200 {
                        try store.recordAnswer(
                            attempt: attempt, position: position, question: question,
                            field: FieldID("type"), given: "A")
                    }
                }
            }
            try await group.waitForAll()
        }

        let database = try SQLiteDatabase(path: path)
        let count = try database.query("SELECT count(*) FROM answers").first?.first
        #expect(count == .integer(400))
    }

    /// One field, one rule that always gives choice A.
    static let tinyLesson: Lesson? = Lesson(
        id: "tiny", title: LocalizedText("Tiny"), passMark: 80,
        fields: [
            Field(
                id: FieldID("type"), name: LocalizedText("Type"),
                choices: [Choice(label: "A", english: "a"), Choice(label: "B", english: "b")])
        ],
        facts: [],
        rules: [
            Rule(
                id: RuleID("always-a"), source: "1", conditions: [:],
                outcome: [FieldID("type"): "A"], explanation: LocalizedText("A"))
        ])
}
