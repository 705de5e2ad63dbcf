import Synchronization
import TinqStore

/// `Cancellation` is a thread-safe flag a caller sets (from a Ctrl-C handler, say) to interrupt a
/// running statement; the evaluator checks it between rows and between plan steps.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  /// `init()` makes a flag that is not set.
  public init() {}

  /// `cancel()` asks the running statement to stop.
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// `reset()` clears the flag for the next statement.
  public func reset() { flag.store(false, ordering: .relaxed) }

  /// True once `cancel()` was called.
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// `Cancelled` is thrown inside the evaluator when its `Cancellation` was set.
struct Cancelled: Error {}

extension DocSet {
  /// `forEach(checking:_:)` calls `body` for each member in order, asking `cancellation` every
  /// 1,024 rows; it returns false when it stopped early because the statement was cancelled.
  func forEach(checking cancellation: Cancellation?, _ body: (Int) -> Void) -> Bool {
    forEach(stoppingWhen: { cancellation?.isCancelled == true }, body)
  }
}
