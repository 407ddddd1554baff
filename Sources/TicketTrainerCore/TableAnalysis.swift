/// Checks a lesson's decision table the way decision-table tools do, over every
/// combination of fact values: gaps, overlaps that disagree, and rules that never fire.
public struct TableAnalysis: Sendable {
    public let lesson: Lesson
    private let engine: RuleEngine

    /// Tables with more combinations than this are not enumerated.
    public static let combinationLimit = 1_000_000

    public init(lesson: Lesson) {
        self.lesson = lesson
        self.engine = RuleEngine(lesson: lesson)
    }

    /// Every combination of fact values, in a fixed order (the lesson's facts and values).
    public func combinations() -> [Facts]? {
        let count = lesson.facts.reduce(1) { total, fact in
            total.multipliedReportingOverflow(by: max(1, fact.values.count)).partialValue
        }
        guard count <= Self.combinationLimit else { return nil }

        var all: [Facts] = [[:]]
        for fact in lesson.facts {
            all = all.flatMap { partial in
                fact.values.map { value in partial.merging([fact.id: value]) { $1 } }
            }
        }
        return all
    }

    /// The table's findings, worst first within each kind.
    public func findings() -> [Diagnostic] {
        let at = lesson.origin ?? SourceLocation(file: "", line: 1, column: 1)
        guard let combinations = combinations() else {
            return [
                .warning(
                    at: at,
                    "the facts have more than \(Self.combinationLimit) combinations; "
                        + "gaps and overlaps were not checked")
            ]
        }

        var diagnostics: [Diagnostic] = []
        var gaps: [FieldID: [Facts]] = [:]
        var silentGaps: [SilentGap: Int] = [:]
        var overlaps: [Set<RuleID>: (field: FieldID, example: Facts, rules: [Rule])] = [:]
        var effective: Set<RuleID> = []

        for facts in combinations {
            let fired = lesson.rules.filter { $0.fires(on: facts) }
            for field in lesson.fields.map(\.id) {
                let standing = engine.standing(on: field, fired: fired)
                effective.formUnion(standing.map(\.id))

                if standing.isEmpty {
                    if let index = lesson.silences.firstIndex(where: {
                        $0.fields.contains(field) && $0.covers(facts)
                    }) {
                        silentGaps[SilentGap(silence: index, field: field), default: 0] += 1
                    } else {
                        gaps[field, default: []].append(facts)
                    }
                } else if Set(standing.compactMap { $0.outcome[field] }).count > 1 {
                    let key = Set(standing.map(\.id))
                    if overlaps[key] == nil { overlaps[key] = (field, facts, standing) }
                }
            }
        }

        for field in lesson.fields.map(\.id) {
            guard let missing = gaps[field], let example = missing.first else { continue }
            let more =
                switch missing.count {
                case 1: ""
                case 2: " (and 1 more combination)"
                default: " (and \(missing.count - 1) more combinations)"
                }
            diagnostics.append(
                .error(
                    at: at,
                    "gap: no rule decides \(field) when \(describe(example))\(more)",
                    note: "add a rule for it, or list it under 'silent' if the lesson says nothing")
            )
        }

        for (_, overlap) in overlaps.sorted(by: {
            $0.key.map(\.rawValue).sorted().lexicographicallyPrecedes(
                $1.key.map(\.rawValue).sorted())
        }) {
            let gives = overlap.rules.map {
                "'\($0.id)' gives '\($0.outcome[overlap.field] ?? "")'"
            }
            diagnostics.append(
                .error(
                    at: overlap.rules[0].origin ?? at,
                    "overlap: rules disagree on \(overlap.field) when "
                        + "\(describe(overlap.example)): "
                        + gives.joined(separator: ", "),
                    note: "narrow one rule's 'when', or let one 'override' the other"))
        }

        for rule in lesson.rules where !effective.contains(rule.id) {
            diagnostics.append(
                .error(
                    at: rule.origin ?? at,
                    "rule '\(rule.id)' can never decide anything: no combination of facts "
                        + "fires it without another rule overriding it",
                    note: "check its 'when' and the 'overrides' that name it"))
        }

        diagnostics += silenceFindings(combinations, at: at)

        for (gap, count) in silentGaps.sorted(by: { $0.key < $1.key }) {
            let silence = lesson.silences[gap.silence]
            diagnostics.append(
                .warning(
                    at: silence.origin ?? at,
                    "the lesson is silent: no rule decides \(gap.field) in \(count) "
                        + "combinations (\(silence.note.english))",
                    note: "scenarios in this case must give \(gap.field) under 'expect'"))
        }
        return diagnostics
    }

    /// Silences that say nothing: they cover no combination, or a rule decides the field
    /// they claim the lesson is silent on.
    private func silenceFindings(
        _ combinations: [Facts], at fallback: SourceLocation
    )
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        for silence in lesson.silences {
            let covered = combinations.filter(silence.covers)
            let at = silence.origin ?? fallback
            guard !covered.isEmpty else {
                diagnostics.append(
                    .warning(at: at, "this 'silent' entry covers no combination of facts"))
                continue
            }
            for field in silence.fields {
                let decidedBy = covered.lazy.compactMap { facts in
                    self.engine.standing(
                        on: field, fired: self.lesson.rules.filter { $0.fires(on: facts) }
                    ).first.map { (facts, $0) }
                }.first
                if let (facts, rule) = decidedBy {
                    diagnostics.append(
                        .warning(
                            at: at,
                            "'silent' lists \(field), but rule '\(rule.id)' decides it when "
                                + describe(facts),
                            note: "narrow the silence's 'when', or drop \(field) from it"))
                }
            }
        }
        return diagnostics
    }

    /// A field left open by one of the lesson's silences.
    private struct SilentGap: Hashable, Comparable {
        var silence: Int
        var field: FieldID

        static func < (lhs: SilentGap, rhs: SilentGap) -> Bool {
            (lhs.silence, lhs.field.rawValue) < (rhs.silence, rhs.field.rawValue)
        }
    }

    /// `request=fault, sales_stopped=true, ...` in the lesson's fact order.
    public func describe(_ facts: Facts) -> String {
        lesson.facts.compactMap { fact in facts[fact.id].map { "\(fact.id)=\($0)" } }
            .joined(separator: ", ")
    }
}
