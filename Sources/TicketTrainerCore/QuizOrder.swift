/// The order tickets are asked in.
public enum QuizOrder: Hashable, Sendable {
    /// The order of the files.
    case asWritten
    /// Shuffled; the same seed gives the same order on every machine.
    case shuffled(seed: UInt64)

    /// The scenarios in this order.
    public func arrange<T>(_ items: [T]) -> [T] {
        guard case .shuffled(let seed) = self else { return items }
        // Fisher-Yates written out, because the standard library's shuffle may change
        // between Swift versions and a seed must keep its order.
        var generator = SplitMix64(seed: seed)
        var shuffled = items
        for upper in stride(from: shuffled.count - 1, to: 0, by: -1) {
            let pick = Int(generator.next(below: UInt64(upper + 1)))
            shuffled.swapAt(upper, pick)
        }
        return shuffled
    }
}

/// A small, fast generator whose sequence depends only on its seed (Steele, Lea and
/// Flood's SplitMix64), so `--seed` repeats an order on any machine and Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` without modulo bias (Lemire's method).
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
