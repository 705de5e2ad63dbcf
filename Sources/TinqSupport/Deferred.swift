import Synchronization

/// `Deferred` is a value computed the first time it is asked for and kept: how a store opened
/// from a snapshot puts off what no query may need. Threads asking while it is being computed
/// wait for that computation instead of repeating it.
public final class Deferred<Value: Sendable>: Sendable {
  private let state: Mutex<Value?>
  private let make: @Sendable () -> Value

  /// `init(_:)` defers `make` until the value is first asked for.
  public init(_ make: @escaping @Sendable () -> Value) {
    state = Mutex(nil)
    self.make = make
  }

  /// `init(value:)` holds a value known already.
  public init(value: Value) {
    state = Mutex(value)
    make = { value }
  }

  /// The value, computed now if it was not yet.
  public var value: Value {
    state.withLock { known in
      if let known { return known }
      let v = make()
      known = v
      return v
    }
  }

  /// Whether the value has been computed (for tests and statistics).
  public var isComputed: Bool { state.withLock { $0 != nil } }
}
