import Foundation
import TicketTrainerCore

/// Lessons and scenario banks loaded together, with every fault found on the way.
public struct Course: Sendable {
    public var lessons: [Lesson] = []
    public var banks: [ScenarioBank] = []
    public var diagnostics: [Diagnostic] = []
    /// Every file that was read, in the order read.
    public var files: [String] = []
    /// The files that are lessons, whether or not they loaded without error.
    public var lessonFiles: [String] = []
    /// The files that are scenario files, whether or not they loaded without error.
    public var scenarioFiles: [String] = []

    public init() {}

    /// The banks written for one lesson and purpose.
    public func banks(for lesson: Lesson, purpose: ScenarioPurpose) -> [ScenarioBank] {
        banks.filter { $0.lessonID == lesson.id && $0.purpose == purpose }
    }
}

/// Loads lesson and scenario files from files and folders.
///
/// A file is a lesson when its top level has `rules:`, a scenario file when it has
/// `scenarios:`; folders are searched for `.yaml` and `.yml` files, in name order. Each
/// scenario file is read against the lesson its `lesson:` names.
///
/// When that lesson is already loaded as the scenarios are reached, each ticket is decoded
/// as soon as the parser has read it and its YAML is dropped, so a large bank costs the
/// memory of its tickets and not of its text. A scenario file read before its lesson is
/// read again once every file has been read.
public struct CourseLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    /// Loads `paths`. The lessons under `fallbackLessons` join only when `paths` hold no
    /// lesson file, so that a scenario file named alone is checked against the lesson it
    /// was written for.
    public func load(_ paths: [String], fallbackLessons: [String] = []) -> Course {
        let fallback = fallbackLessons.isEmpty ? nil : load(fallbackLessons)
        var course = Course()
        var scenarioFiles: [ScenarioFile] = []

        for file in expand(paths, into: &course.diagnostics) {
            course.files.append(file)
            let known = course.lessonFiles.isEmpty ? fallback?.lessons ?? [] : course.lessons
            let read = read(file, streamingAgainst: known)
            guard let root = read.root else {
                course.diagnostics += read.parseDiagnostics
                continue
            }
            let kind = kind(of: root)
            // A scenario file's parse findings wait for its decoding, which may read it again.
            if kind != .scenarios { course.diagnostics += read.parseDiagnostics }

            switch kind {
            case .lesson:
                course.lessonFiles.append(file)
                add(lessonIn: root, to: &course)
            case .scenarios:
                course.scenarioFiles.append(file)
                scenarioFiles.append(ScenarioFile(file: file, root: root, read: read))
            case .unknown:
                course.diagnostics.append(
                    .error(
                        at: root.location, "not a lesson or a scenario file",
                        note: "a lesson has 'rules:' at the top level, a scenario file has "
                            + "'scenarios:'"))
            }
        }

        if course.lessonFiles.isEmpty, let fallback {
            course.files = fallback.files + course.files
            course.lessonFiles = fallback.lessonFiles
            course.lessons = fallback.lessons
            course.diagnostics = fallback.diagnostics + course.diagnostics
        }

        for index in scenarioFiles.indices {
            decode(&scenarioFiles[index], into: &course)
        }
        return course
    }

    /// A scenario file as first read: its tree, and its bank if it was decoded on the way.
    private struct ScenarioFile {
        var file: String
        var root: YAMLNode
        var read: FileRead
    }

    /// What reading one file gave.
    private struct FileRead {
        var root: YAMLNode?
        var parseDiagnostics: [Diagnostic] = []
        /// Set when the scenarios were decoded while the file was read; the tree then holds
        /// an empty list in their place.
        var streamed: (lesson: Lesson, decoder: ScenarioDecoder)?
        /// Set when the scenarios were passed over because their lesson was not loaded yet;
        /// the file is read again once it is, and the tree holds an empty list meanwhile.
        var skippedScenarios = false
    }

    /// Adds the lesson a lesson file holds, unless its id is taken.
    private func add(lessonIn root: YAMLNode, to course: inout Course) {
        var decoder = LessonDecoder()
        let lesson = decoder.decode(root)
        course.diagnostics += decoder.reader.diagnostics
        guard let lesson else { return }

        if let other = course.lessons.first(where: { $0.id == lesson.id }) {
            course.diagnostics.append(
                .error(
                    at: lesson.origin ?? root.location,
                    "lesson '\(lesson.id)' is defined twice",
                    note: "the other is in \(other.origin?.file ?? "another file"); "
                        + "give each lesson its own id"))
            return
        }
        course.lessons.append(lesson)
    }

    /// Decodes a scenario file against its lesson, now that every lesson is known. A file
    /// decoded while it was read is kept when it was read against that same lesson; one
    /// read against another, or whose lesson was not loaded yet, is read again.
    private func decode(_ scenarioFile: inout ScenarioFile, into course: inout Course) {
        var diagnostics = scenarioFile.read.parseDiagnostics
        let lessonNode = Self.lessonNode(in: scenarioFile.root)
        guard
            let lesson = lesson(
                named: lessonNode, in: course.lessons, at: scenarioFile.root.location,
                diagnostics: &diagnostics)
        else {
            course.diagnostics += diagnostics
            return
        }

        var root = scenarioFile.root
        var decoder = ScenarioDecoder(lesson: lesson, file: scenarioFile.file)
        if let streamed = scenarioFile.read.streamed, streamed.lesson == lesson {
            decoder = streamed.decoder
        } else if scenarioFile.read.streamed != nil || scenarioFile.read.skippedScenarios {
            // The tickets read against the other lesson go first, not to be held twice.
            scenarioFile.read.streamed = nil
            let again = read(scenarioFile.file, streamingAgainst: [lesson], forced: true)
            diagnostics = again.parseDiagnostics
            guard let rereadRoot = again.root else {
                course.diagnostics += diagnostics
                return
            }
            root = rereadRoot
            decoder = again.streamed?.decoder ?? decoder
        }

        let bank = decoder.decode(root)
        course.diagnostics += diagnostics + decoder.reader.diagnostics
        if let bank { course.banks.append(bank) }
    }

    /// "cannot be read: Permission denied".
    private static func reason(_ code: Int32) -> String {
        "cannot be read: " + String(cString: strerror(code))
    }

    /// Why a path cannot be read as a lesson or scenario file, if it cannot. Only regular
    /// files are read: a pipe or a device could be endless, or wait for a writer forever.
    private func fault(in file: String) -> Diagnostic? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var status = stat()
        guard stat(file, &status) == 0 else { return .error(at: start, Self.reason(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .error(
                at: start, "not a regular file", note: "give the path of a .yaml file")
        }
        // Refused before reading, so an enormous file costs no memory.
        if Int(status.st_size) > limits.maximumFileSize {
            return .error(
                at: start,
                "file is \(status.st_size) bytes, more than the \(limits.maximumFileSize) allowed",
                note: "split the scenarios over several files")
        }
        guard access(file, R_OK) == 0 else { return .error(at: start, Self.reason(errno)) }
        return nil
    }

    /// Parses one file; when it turns out to be a scenario file for one of `lessons`, its
    /// tickets are decoded as they are read. With `forced`, they are decoded against the
    /// one lesson given even when the file names its lesson only after its tickets.
    private func read(
        _ file: String, streamingAgainst lessons: [Lesson], forced: Bool = false
    ) -> FileRead {
        if let fault = fault(in: file) { return FileRead(parseDiagnostics: [fault]) }

        var streamed: (lesson: Lesson, decoder: ScenarioDecoder)?
        var skipped = false
        var skippedFindings: [Diagnostic] = []
        let result = YAMLParser(limits: limits).parse(fileAt: file) { key, earlierEntries in
            guard key == "scenarios",
                !earlierEntries.contains(where: { Self.name(of: $0.key) == "rules" })
            else { return nil }
            let lessonNode = earlierEntries.first { Self.name(of: $0.key) == "lesson" }?.value
            let named = lessonNode.flatMap { Self.resolve($0, among: lessons) }
            guard let lesson = forced ? lessons.first : named else {
                // Keeping the tickets' YAML until their lesson is known would cost the
                // memory of the whole file; reading it again then costs only time. Faults
                // in their YAML are still noted, in case the file cannot be read to the end.
                skipped = true
                return { item in _ = item.node(diagnostics: &skippedFindings) }
            }

            var decoder = ScenarioDecoder(lesson: lesson, file: file)
            decoder.beginStreaming()
            streamed = (lesson, decoder)
            return { item in streamed?.decoder.take(item) }
        }

        let root = result.diagnostics.containsErrors && result.root == nil ? nil : result.root
        return FileRead(
            root: root,
            parseDiagnostics: result.diagnostics + skippedFindings
                + (streamed?.decoder.structureFindings ?? []),
            streamed: streamed, skippedScenarios: skipped)
    }

    // MARK: - Files

    /// Files named directly, and the YAML files under folders, sorted within each folder.
    private func expand(_ paths: [String], into diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                let reason = errno == ENOENT ? "no such file" : Self.reason(errno)
                let start = SourceLocation(file: path, line: 1, column: 1)
                diagnostics.append(.error(at: start, reason))
                continue
            }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                files.append(path)
                continue
            }
            guard access(path, R_OK | X_OK) == 0 else {
                diagnostics.append(
                    .error(at: SourceLocation(file: path, line: 1, column: 1), Self.reason(errno)))
                continue
            }
            // Hidden files and folders are an editor's or a tool's, not the trainer's.
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { relative in
                    let lowered = relative.lowercased()
                    return (lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml"))
                        && !relative.split(separator: "/").contains { $0.hasPrefix(".") }
                }
                .sorted()
            if found.isEmpty {
                diagnostics.append(
                    .error(
                        at: SourceLocation(file: path, line: 1, column: 1),
                        "no .yaml or .yml file in this folder"))
            }
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    private enum FileKind { case lesson, scenarios, unknown }

    private func kind(of root: YAMLNode) -> FileKind {
        guard case .mapping(let entries) = root.content else { return .unknown }
        let keys = entries.compactMap { entry -> String? in
            if case .scalar(let name, _) = entry.key.content { return name }
            return nil
        }
        if keys.contains("rules") { return .lesson }
        if keys.contains("scenarios") { return .scenarios }
        return .unknown
    }

    private static func name(of key: YAMLNode) -> String? {
        if case .scalar(let name, _) = key.content { return name }
        return nil
    }

    /// The value of a scenario file's `lesson:` key.
    private static func lessonNode(in root: YAMLNode) -> YAMLNode? {
        guard case .mapping(let entries) = root.content else { return nil }
        return entries.first { name(of: $0.key) == "lesson" }?.value
    }

    /// The lesson a scenario file's `lesson:` names, among those loaded. When only one
    /// lesson is loaded and the id is another, that one is chosen: decoding against it
    /// reports the mismatch where the id is written.
    private static func resolve(_ node: YAMLNode, among lessons: [Lesson]) -> Lesson? {
        guard case .scalar(let id, _) = node.content else { return nil }
        if let lesson = lessons.first(where: { $0.id == id }) { return lesson }
        return lessons.count == 1 ? lessons[0] : nil
    }

    /// `resolve`, with a diagnostic when no lesson fits.
    private func lesson(
        named node: YAMLNode?, in lessons: [Lesson], at rootLocation: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> Lesson? {
        guard let node else {
            diagnostics.append(.error(at: rootLocation, "the scenario file is missing 'lesson'"))
            return nil
        }
        guard case .scalar(let id, _) = node.content else {
            diagnostics.append(.error(at: node.location, "'lesson' should be a lesson's id"))
            return nil
        }
        if let lesson = Self.resolve(node, among: lessons) { return lesson }
        diagnostics.append(
            .error(
                at: node.location, "no lesson '\(id)' is loaded",
                note: "pass the lesson's file with --lesson, or fix the id"))
        return nil
    }
}
