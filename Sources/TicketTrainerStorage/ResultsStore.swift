import Foundation
import TicketTrainerCore

/// One attempt at practice or the final test, as kept in the results database.
public struct AttemptRecord: Sendable, Equatable {
    public var id: Int64
    public var trainee: String
    public var lesson: String
    public var mode: QuizMode
    public var startedAt: Date
    /// `open` while under way or cut short, `finished`, or `stopped` by the trainee.
    public var status: String
    public var score: Int?
    public var possible: Int?
    public var passed: Bool?
    /// The scenario ids in the order asked.
    public var order: [String]

    /// A final test that is not finished: it can still be resumed, so nothing it holds
    /// should tell the trainee which answers were right.
    public var isOpenTest: Bool { mode == .finalTest && status != "finished" }
}

/// One answered field as stored: what was given, what was right, and the deciding rule.
public struct AnswerRow: Sendable, Equatable {
    public var position: Int
    public var scenario: String
    public var field: String
    public var given: String?
    public var expected: String
    public var correct: Bool
    public var rule: String?
}

/// How many answers were right out of how many, for one field or rule.
public struct Tally: Sendable, Equatable {
    public var name: String
    public var right: Int
    public var total: Int

    public var share: Double { total == 0 ? 0 : Double(right) / Double(total) }
}

/// Accuracy per field and per rule, and who has results on this machine.
public struct Accuracy: Sendable, Equatable {
    public var byField: [Tally]
    public var byRule: [Tally]
    /// One tally an attempt, oldest first, named by its start time and mode.
    public var byAttempt: [Tally]
    public var trainees: [String]
}

/// A trainee's results, kept in SQLite so that progress survives restarts and kills.
///
/// Every answer is committed in its own transaction as it is given. The schema version is
/// SQLite's `user_version`; an older schema is upgraded, a newer one or a damaged file is
/// refused and never written to.
public final class ResultsStore {
    /// The schema this build writes.
    public static let schemaVersion = 2

    private let database: SQLiteDatabase

    public init(path: String) throws(StorageError) {
        let existed = FileManager.default.fileExists(atPath: path)
        database = try SQLiteDatabase(path: path)
        try checkAndUpgrade(existed: existed)
    }

    private func checkAndUpgrade(existed: Bool) throws(StorageError) {
        // Reading the header is the first thing that fails on a file that is not SQLite.
        let rows = try database.query("PRAGMA user_version")
        let version = Int(rows.first?.first?.integer ?? 0)
        if version > Self.schemaVersion {
            throw .newerSchema(
                path: database.path, version: version, supported: Self.schemaVersion)
        }
        try database.execute("PRAGMA foreign_keys = ON")

        // Another process may be creating or upgrading the same file right now: the
        // version is read again under the write lock, so only one of them does the work,
        // and a file that holds someone else's tables is seen consistently.
        try database.transaction { () throws(StorageError) in
            let rows = try database.query("PRAGMA user_version")
            let current = Int(rows.first?.first?.integer ?? 0)
            if existed && current == 0 {
                let tables = try database.query("SELECT count(*) FROM sqlite_master")
                if tables.first?.first?.integer ?? 0 > 0 {
                    throw .notADatabase(
                        path: database.path,
                        reason: "it holds tables but no ticket-trainer schema")
                }
            }
            if current < 1 { try createVersion1() }
            if current < 2 { try upgradeToVersion2() }
        }

        // WAL lets a reader and a writer work at once; the mode stays with the file.
        let mode = try database.query("PRAGMA journal_mode").first?.first?.text
        if mode?.lowercased() != "wal" {
            try database.execute("PRAGMA journal_mode = WAL", patiently: true)
        }
    }

    private func createVersion1() throws(StorageError) {
        try database.execute(
            """
            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY,
                trainee TEXT NOT NULL,
                lesson TEXT NOT NULL,
                mode TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL DEFAULT 'open',
                question_order TEXT NOT NULL,
                score INTEGER,
                possible INTEGER,
                passed INTEGER
            );
            CREATE INDEX attempts_by_trainee ON attempts (trainee, lesson, mode);
            CREATE TABLE answers (
                attempt_id INTEGER NOT NULL REFERENCES attempts (id),
                position INTEGER NOT NULL,
                scenario TEXT NOT NULL,
                field TEXT NOT NULL,
                given TEXT,
                expected TEXT NOT NULL,
                correct INTEGER NOT NULL,
                rule TEXT,
                answered_at TEXT NOT NULL,
                PRIMARY KEY (attempt_id, position, field)
            );
            CREATE TABLE completed_questions (
                attempt_id INTEGER NOT NULL REFERENCES attempts (id),
                position INTEGER NOT NULL,
                scenario TEXT NOT NULL,
                PRIMARY KEY (attempt_id, position)
            );
            PRAGMA user_version = 1;
            """)
    }

    /// Version 2 adds the Leitner boxes of spaced practice.
    private func upgradeToVersion2() throws(StorageError) {
        try database.execute(
            """
            CREATE TABLE reviews (
                trainee TEXT NOT NULL,
                lesson TEXT NOT NULL,
                scenario TEXT NOT NULL,
                box INTEGER NOT NULL,
                due_at REAL NOT NULL,
                PRIMARY KEY (trainee, lesson, scenario)
            );
            PRAGMA user_version = 2;
            """)
    }

    // MARK: - Spaced practice

    /// A trainee's Leitner boxes for a lesson, by scenario id.
    public func reviews(trainee: String, lesson: String) throws(StorageError) -> [String: Review] {
        let rows = try database.query(
            "SELECT scenario, box, due_at FROM reviews WHERE trainee = ? AND lesson = ?",
            [.text(trainee), .text(lesson)])
        var reviews: [String: Review] = [:]
        for row in rows {
            guard let scenario = row[0].text, let box = row[1].integer else { continue }
            let due = Date(timeIntervalSince1970: row[2].real ?? 0)
            reviews[scenario] = Review(scenario: scenario, box: Int(box), due: due)
        }
        return reviews
    }

    /// One scenario's place in a trainee's Leitner boxes, if it was ever asked.
    public func review(
        of scenario: String, trainee: String, lesson: String
    ) throws(StorageError) -> Review? {
        let row = try database.query(
            """
            SELECT box, due_at FROM reviews WHERE trainee = ? AND lesson = ? AND scenario = ?
            """, [.text(trainee), .text(lesson), .text(scenario)]
        ).first
        guard let row, let box = row[0].integer else { return nil }
        return Review(
            scenario: scenario, box: Int(box), due: Date(timeIntervalSince1970: row[1].real ?? 0))
    }

    public func saveReview(_ review: Review, trainee: String, lesson: String) throws(StorageError) {
        try database.transaction { () throws(StorageError) in
            try database.query(
                "INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?)",
                [
                    .text(trainee), .text(lesson), .text(review.scenario),
                    .integer(Int64(review.box)), .real(review.due.timeIntervalSince1970),
                ])
        }
    }

    // MARK: - Writing

    /// Starts an attempt and returns its id.
    public func startAttempt(
        trainee: String, lesson: String, mode: QuizMode, order: [String]
    ) throws(StorageError) -> Int64 {
        try database.transaction { () throws(StorageError) in
            try database.query(
                """
                INSERT INTO attempts (trainee, lesson, mode, started_at, question_order)
                VALUES (?, ?, ?, ?, ?)
                """,
                [
                    .text(trainee), .text(lesson), .text(mode.rawValue), .text(Self.now()),
                    .text(order.joined(separator: "\n")),
                ])
            return database.lastInsertedRow
        }
    }

    /// Keeps one answered field, at once, in its own transaction.
    public func recordAnswer(
        attempt: Int64, position: Int, question: Question, field: FieldID, given: String?
    ) throws(StorageError) {
        try database.transaction { () throws(StorageError) in
            try insertAnswer(attempt, position, question, field, given)
        }
    }

    /// Marks a ticket done, with every graded field's final answer (none where skipped).
    public func recordCompleted(
        attempt: Int64, position: Int, result: QuestionResult
    ) throws(StorageError) {
        try database.transaction { () throws(StorageError) in
            for field in result.question.fields {
                try insertAnswer(attempt, position, result.question, field, result.answers[field])
            }
            try database.query(
                "INSERT OR REPLACE INTO completed_questions VALUES (?, ?, ?)",
                [.integer(attempt), .integer(Int64(position)), .text(result.question.scenario.id)])
        }
    }

    /// Writes one field's answer row, replacing an earlier one; the caller holds the
    /// transaction.
    private func insertAnswer(
        _ attempt: Int64, _ position: Int, _ question: Question, _ field: FieldID,
        _ given: String?
    ) throws(StorageError) {
        let key = question.key[field]
        let correct = given != nil && given == key.label
        try database.query(
            """
            INSERT OR REPLACE INTO answers
                (attempt_id, position, scenario, field, given, expected, correct, rule,
                 answered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(attempt), .integer(Int64(position)), .text(question.scenario.id),
                .text(field.rawValue), given.map(SQLValue.text) ?? .null,
                .text(key.label ?? ""), .integer(correct ? 1 : 0),
                key.ruleID.map(SQLValue.text) ?? .null, .text(Self.now()),
            ])
    }

    /// Closes an attempt: `finished` with its score, or `stopped` by the trainee. One in
    /// which nothing was answered leaves no trace: it would only crowd the history.
    public func closeAttempt(
        _ attempt: Int64, finished: Bool, score: Score, passed: Bool
    ) throws(StorageError) {
        try database.transaction { () throws(StorageError) in
            let answered = try database.query(
                "SELECT count(*) FROM answers WHERE attempt_id = ?", [.integer(attempt)])
            if answered.first?.first?.integer == 0 {
                try database.query(
                    "DELETE FROM completed_questions WHERE attempt_id = ?", [.integer(attempt)])
                try database.query("DELETE FROM attempts WHERE id = ?", [.integer(attempt)])
                return
            }
            try database.query(
                """
                UPDATE attempts SET status = ?, finished_at = ?, score = ?, possible = ?,
                    passed = ?
                WHERE id = ?
                """,
                [
                    .text(finished ? "finished" : "stopped"), .text(Self.now()),
                    .integer(Int64(score.points)), .integer(Int64(score.possible)),
                    finished ? .integer(passed ? 1 : 0) : .null, .integer(attempt),
                ])
        }
    }

    // MARK: - Reading

    /// A trainee's attempts, newest first.
    public func attempts(trainee: String) throws(StorageError) -> [AttemptRecord] {
        try database.query(
            """
            SELECT \(Self.attemptColumns)
            FROM attempts WHERE trainee = ? AND \(Self.hasAnswers) ORDER BY id DESC
            """, [.text(trainee)]
        ).map(Self.record)
    }

    /// An attempt row with at least one answer; one cut short before any is not shown.
    private static let hasAnswers =
        "EXISTS (SELECT 1 FROM answers WHERE answers.attempt_id = attempts.id)"

    /// Right and total answers per field and per deciding rule, for one trainee or, with
    /// nil, for everyone on the machine. Only graded answers of finished tickets count,
    /// and none of a final test that is not finished: the counts would tell a trainee
    /// which answers of the running test are right.
    public func accuracy(trainee: String?) throws(StorageError) -> Accuracy {
        let filter =
            """
            WHERE (attempts.mode != 'test' OR attempts.status = 'finished')
            AND EXISTS (
                SELECT 1 FROM completed_questions AS done
                WHERE done.attempt_id = answers.attempt_id AND done.position = answers.position)
            """ + (trainee == nil ? "" : " AND attempts.trainee = ?")
        let values: [SQLValue] = trainee.map { [.text($0)] } ?? []
        func tally(_ column: String) throws(StorageError) -> [Tally] {
            try database.query(
                """
                SELECT \(column), sum(correct), count(*) FROM answers
                JOIN attempts ON attempts.id = answers.attempt_id \(filter)
                GROUP BY \(column) HAVING \(column) IS NOT NULL
                """, values
            ).map { row in
                Tally(
                    name: row[0].text ?? "", right: Int(row[1].integer ?? 0),
                    total: Int(row[2].integer ?? 0))
            }
        }
        let trainees = try database.query(
            "SELECT DISTINCT trainee FROM attempts ORDER BY trainee"
        ).compactMap { $0.first?.text }
        let overTime = try database.query(
            """
            SELECT attempts.started_at || ' ' || attempts.mode, sum(correct), count(*)
            FROM answers JOIN attempts ON attempts.id = answers.attempt_id \(filter)
            GROUP BY attempts.id ORDER BY attempts.id
            """, values
        ).map { row in
            Tally(
                name: row[0].text ?? "", right: Int(row[1].integer ?? 0),
                total: Int(row[2].integer ?? 0))
        }
        return Accuracy(
            byField: try tally("field"), byRule: try tally("rule"), byAttempt: overTime,
            trainees: trainees)
    }

    /// The lessons the attempts were on, of one trainee or, with nil, of everyone.
    public func lessons(trainee: String?) throws(StorageError) -> Set<String> {
        let filter = trainee == nil ? "" : " WHERE trainee = ?"
        let rows = try database.query(
            "SELECT DISTINCT lesson FROM attempts" + filter, trainee.map { [.text($0)] } ?? [])
        return Set(rows.compactMap { $0.first?.text })
    }

    /// One attempt by id, or the trainee's newest when `id` is nil.
    public func attempt(_ id: Int64?, trainee: String) throws(StorageError) -> AttemptRecord? {
        let all = try attempts(trainee: trainee)
        guard let id else { return all.first }
        return all.first { $0.id == id }
    }

    /// Every graded answer of an attempt's finished tickets, in the order asked and the
    /// lesson's field order as stored. A ticket left halfway is not scored, so not shown.
    public func answerRows(of attempt: Int64) throws(StorageError) -> [AnswerRow] {
        try database.query(
            """
            SELECT position, scenario, field, given, expected, correct, rule FROM answers
            WHERE attempt_id = ? AND EXISTS (
                SELECT 1 FROM completed_questions AS done
                WHERE done.attempt_id = answers.attempt_id AND done.position = answers.position)
            ORDER BY position, rowid
            """, [.integer(attempt)]
        ).map { row in
            AnswerRow(
                position: Int(row[0].integer ?? 0), scenario: row[1].text ?? "",
                field: row[2].text ?? "", given: row[3].text, expected: row[4].text ?? "",
                correct: row[5].integer == 1, rule: row[6].text)
        }
    }

    /// The newest final test of this trainee and lesson that was cut short or stopped
    /// after at least one answer.
    public func unfinishedTest(
        trainee: String, lesson: String
    ) throws(StorageError)
        -> AttemptRecord?
    {
        try database.query(
            """
            SELECT \(Self.attemptColumns)
            FROM attempts
            WHERE trainee = ? AND lesson = ? AND mode = 'test' AND status != 'finished'
                AND \(Self.hasAnswers)
            ORDER BY id DESC LIMIT 1
            """, [.text(trainee), .text(lesson)]
        ).first.map(Self.record)
    }

    /// What was given in an attempt: the completed positions, and every answered field.
    public func answers(
        of attempt: Int64
    ) throws(StorageError)
        -> (completed: Set<Int>, given: [Int: [FieldID: String?]])
    {
        let done = try database.query(
            "SELECT position FROM completed_questions WHERE attempt_id = ?", [.integer(attempt)])
        let rows = try database.query(
            "SELECT position, field, given FROM answers WHERE attempt_id = ?", [.integer(attempt)])
        var given: [Int: [FieldID: String?]] = [:]
        for row in rows {
            guard let position = row[0].integer, let field = row[1].text else { continue }
            given[Int(position), default: [:]][FieldID(field)] = row[2].text
        }
        return (Set(done.compactMap { $0.first?.integer.map(Int.init) }), given)
    }

    /// The columns `record(_:)` reads, in its order.
    private static let attemptColumns =
        "id, trainee, lesson, mode, started_at, status, score, possible, passed, question_order"

    private static func record(_ row: [SQLValue]) -> AttemptRecord {
        AttemptRecord(
            id: row[0].integer ?? 0,
            trainee: row[1].text ?? "",
            lesson: row[2].text ?? "",
            mode: QuizMode(rawValue: row[3].text ?? "") ?? .practice,
            startedAt: ISO8601DateFormatter().date(from: row[4].text ?? "") ?? Date(),
            status: row[5].text ?? "open",
            score: row[6].integer.map(Int.init),
            possible: row[7].integer.map(Int.init),
            passed: row[8].integer.map { $0 != 0 },
            order: (row[9].text ?? "").split(separator: "\n").map(String.init))
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
