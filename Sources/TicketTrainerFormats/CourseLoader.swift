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

    public init() {}

    /// The banks written for one lesson and purpose.
    public func banks(for lesson: Lesson, purpose: ScenarioPurpose) -> [ScenarioBank] {
        banks.filter { $0.lessonID == lesson.id && $0.purpose == purpose }
    }
}

/// Loads lesson and scenario files from files and folders.
///
/// A file is a lesson when its top level has `rules:`, a scenario file when it has
/// `scenarios:`; folders are searched for `.yaml` and `.yml` files, in name order. Lessons
/// load first, so each scenario file is read against the lesson its `lesson:` names.
public struct CourseLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    public func load(_ paths: [String]) -> Course {
        var course = Course()
        var scenarioFiles: [(file: String, root: YAMLNode)] = []

        for file in expand(paths, into: &course.diagnostics) {
            course.files.append(file)
            guard let root = parse(file, into: &course.diagnostics) else { continue }

            switch kind(of: root) {
            case .lesson:
                course.lessonFiles.append(file)
                var decoder = LessonDecoder()
                let lesson = decoder.decode(root)
                course.diagnostics += decoder.reader.diagnostics
                guard let lesson else { continue }
                if let other = course.lessons.first(where: { $0.id == lesson.id }) {
                    course.diagnostics.append(
                        .error(
                            at: lesson.origin ?? root.location,
                            "lesson '\(lesson.id)' is defined twice",
                            note: "the other is in \(other.origin?.file ?? "another file"); "
                                + "give each lesson its own id"))
                    continue
                }
                course.lessons.append(lesson)
            case .scenarios:
                scenarioFiles.append((file, root))
            case .unknown:
                course.diagnostics.append(
                    .error(
                        at: root.location, "not a lesson or a scenario file",
                        note: "a lesson has 'rules:' at the top level, a scenario file has "
                            + "'scenarios:'"))
            }
        }

        for (file, root) in scenarioFiles {
            guard let lesson = lesson(for: root, in: course, diagnostics: &course.diagnostics)
            else { continue }
            var decoder = ScenarioDecoder(lesson: lesson, file: file)
            let bank = decoder.decode(root)
            course.diagnostics += decoder.reader.diagnostics
            if let bank { course.banks.append(bank) }
        }
        return course
    }

    // MARK: - Files

    /// Files named directly, and the YAML files under folders, sorted within each folder.
    private func expand(_ paths: [String], into diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                diagnostics.append(
                    .error(at: SourceLocation(file: path, line: 1, column: 1), "no such file"))
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
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

    private func parse(_ file: String, into diagnostics: inout [Diagnostic]) -> YAMLNode? {
        // Refused before reading, so an enormous file costs no memory.
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if size > limits.maximumFileSize {
            diagnostics.append(
                .error(
                    at: SourceLocation(file: file, line: 1, column: 1),
                    "file is \(size) bytes, more than the \(limits.maximumFileSize) allowed",
                    note: "split the scenarios over several files"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(
                .error(at: SourceLocation(file: file, line: 1, column: 1), "cannot be read"))
            return nil
        }
        let result = YAMLParser(limits: limits).parse([UInt8](data), file: file)
        diagnostics += result.diagnostics
        return result.diagnostics.containsErrors && result.root == nil ? nil : result.root
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

    /// The loaded lesson a scenario file's `lesson:` names.
    private func lesson(
        for root: YAMLNode, in course: Course, diagnostics: inout [Diagnostic]
    ) -> Lesson? {
        guard case .mapping(let entries) = root.content,
            let node = entries.first(where: {
                if case .scalar("lesson", _) = $0.key.content { return true }
                return false
            })?.value
        else {
            diagnostics.append(.error(at: root.location, "the scenario file is missing 'lesson'"))
            return nil
        }
        guard case .scalar(let id, _) = node.content else {
            diagnostics.append(.error(at: node.location, "'lesson' should be a lesson's id"))
            return nil
        }
        if let lesson = course.lessons.first(where: { $0.id == id }) { return lesson }
        if course.lessons.count == 1 && course.lessons[0].id != id {
            // Decoding against the only lesson reports the mismatch at the right place.
            return course.lessons[0]
        }
        diagnostics.append(
            .error(
                at: node.location, "no lesson '\(id)' is loaded",
                note: "pass the lesson's file with --lesson, or fix the id"))
        return nil
    }
}
