#if PostgreSQL
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import TinqEngine

/// `PostgresSession` is one connection to a server, used from synchronous code: each call waits
/// for its answer on the calling thread while SwiftNIO's own threads do the I/O (never the
/// Swift concurrency pool, so a caller on that pool cannot starve it). Errors are translated to
/// one-line `PostgresFailure`s that name the server, never the password.
public final class PostgresSession: Sendable {
  let connection: PostgresConnection
  public let address: PostgresAddress
  /// The server process serving this connection, which `pg_cancel_backend` interrupts (nil when
  /// it was not asked for).
  let backendPID: Int?
  static let logger = Logger(label: "tinq.postgres") { _ in SwiftLogNoOpLogHandler() }

  init(connection: PostgresConnection, address: PostgresAddress, backendPID: Int? = nil) {
    self.connection = connection
    self.address = address
    self.backendPID = backendPID
  }

  deinit {
    // PostgresNIO wants its connections closed before they go; off its own threads, wait for it.
    let closing: EventLoopFuture<Void> = connection.close()
    if !connection.eventLoop.inEventLoop { try? closing.wait() }
  }

  /// `connect(_:)` opens a connection, or throws why not (refused, no such socket, bad
  /// credentials, no such database, timed out).
  public static func connect(_ address: PostgresAddress) throws(PostgresFailure) -> PostgresSession {
    let future = PostgresConnection.connect(
      on: MultiThreadedEventLoopGroup.singleton.any(), configuration: address.configuration, id: 1, logger: logger)
    do {
      let connection = try future.wait()
      let pid = try connection.query("SELECT pg_backend_pid()::bigint", []).wait().rows.first?
        .makeRandomAccess()[0].decode(Int.self)
      return PostgresSession(connection: connection, address: address, backendPID: pid)
    } catch {
      throw failure(error, connecting: address)
    }
  }

  /// `connect(to:)` is `connect` for async callers (the loader).
  public static func connect(to address: PostgresAddress) async throws(PostgresFailure) -> PostgresSession {
    do {
      let c = try await PostgresConnection.connect(configuration: address.configuration, id: 1, logger: logger)
      return PostgresSession(connection: c, address: address)
    } catch {
      throw failure(error, connecting: address)
    }
  }

  /// `rows(_:_:cancellation:)` runs one statement with `$1...` parameters and returns its rows.
  /// When `cancellation` is set meanwhile (Ctrl-C), the server is asked to cancel the statement,
  /// which then fails with "the statement was cancelled".
  public func rows(_ sql: String, _ binds: [PostgresData] = [], cancellation: Cancellation? = nil) throws(PostgresFailure)
    -> [PostgresRow]
  {
    try checkOpen()
    let answer = connection.query(sql, binds)
    if let cancellation { wait(for: answer, cancelling: cancellation) }
    do {
      return try answer.wait().rows
    } catch {
      throw Self.failure(error, address: address)
    }
  }

  /// How often a waiting statement looks at its cancellation, and how long a cancelled one may
  /// take to end before its connection is closed under it.
  static let cancellationPoll = DispatchTimeInterval.milliseconds(50)
  static let cancellationGrace = DispatchTimeInterval.seconds(10)

  /// `wait(for:cancelling:)` returns when `answer` has come, asking the server to cancel the
  /// statement (from a second connection, with `pg_cancel_backend`) once `cancellation` is set.
  func wait(for answer: EventLoopFuture<PostgresQueryResult>, cancelling cancellation: Cancellation) {
    let done = DispatchSemaphore(value: 0)
    answer.whenComplete { _ in done.signal() }
    while done.wait(timeout: .now() + Self.cancellationPoll) == .timedOut {
      guard cancellation.isCancelled else { continue }
      cancelStatement()
      if done.wait(timeout: .now() + Self.cancellationGrace) == .timedOut {
        // The server did not answer the cancel: the connection goes, and the statement with it.
        close()
      }
      return
    }
  }

  /// `cancelStatement()` asks the server to cancel what this connection is running.
  func cancelStatement() {
    guard let pid = backendPID, let side = try? PostgresSession.connect(address) else { return }
    _ = try? side.rows("SELECT pg_cancel_backend($1::int)", [PostgresData(int64: Int64(pid))])
    side.close()
  }

  /// `execute(_:)` runs statements without parameters (several, separated by `;`).
  public func execute(_ sql: String) throws(PostgresFailure) {
    try checkOpen()
    do {
      _ = try connection.simpleQuery(sql).wait()
    } catch {
      throw Self.failure(error, address: address)
    }
  }

  /// `perform(_:)` is `execute` for async callers.
  public func perform(_ sql: String) async throws(PostgresFailure) {
    try checkOpen()
    do {
      _ = try await connection.simpleQuery(sql).get()
    } catch {
      throw Self.failure(error, address: address)
    }
  }

  /// `checkOpen()` fails when the connection is gone (the server ended it, or the network):
  /// a request written to a closed channel would wait for an answer that never comes.
  func checkOpen() throws(PostgresFailure) {
    if connection.isClosed { throw PostgresFailure("the connection to \(address) was lost (the server closed it)") }
  }

  /// `close()` ends the connection; errors on the way out are of no interest.
  public func close() {
    try? connection.close().wait()
  }

  // MARK: - Errors

  static func failure(_ error: any Error, connecting address: PostgresAddress) -> PostgresFailure {
    let f = failure(error, address: address)
    return f.description.hasPrefix("could not") ? f : PostgresFailure("could not connect to \(address): " + f.description)
  }

  static func failure(_ error: any Error, address: PostgresAddress) -> PostgresFailure {
    if let f = error as? PostgresFailure { return f }
    // The EventLoopFuture API reports errors in its older type.
    if let old = error as? PostgresError {
      switch old {
      case .server(let e):
        if let message = e.fields[.message] { return serverFailure(message, state: e.fields[.sqlState], address: address) }
      case .connectionClosed:
        return PostgresFailure("the connection to \(address) was lost (the server closed it)")
      case .protocol(let what):
        return PostgresFailure("\(address): a protocol error: \(what)")
      }
    }
    guard let e = error as? PSQLError else {
      return PostgresFailure("\(address): \(describe(error))")
    }
    if let info = e.serverInfo, let message = info[.message] {
      return serverFailure(message, state: info[.sqlState], address: address)
    }
    switch e.code {
    case .connectionError:
      let cause = e.underlying.map(describe) ?? "connection error"
      return PostgresFailure("could not connect to \(address): \(cause)")
    case .serverClosedConnection, .uncleanShutdown:
      return PostgresFailure("the connection to \(address) was lost (the server closed it)")
    case .clientClosedConnection:
      return PostgresFailure("the connection to \(address) is closed")
    case .authMechanismRequiresPassword:
      return PostgresFailure("the server asks a password for \(address.user); give it in the URL or PGPASSWORD")
    case .queryCancelled:
      return PostgresFailure("the statement was cancelled")
    default:
      return PostgresFailure("\(address): \(e.code)" + (e.underlying.map { ": " + describe($0) } ?? ""))
    }
  }

  /// `serverFailure(_:state:address:)` is an error the server reported, with its SQLSTATE.
  static func serverFailure(_ message: String, state: String?, address: PostgresAddress) -> PostgresFailure {
    let what: String
    switch state {
    case "28P01", "28000": what = "the server refused the credentials of \(address.user): \(message)"
    case "3D000": what = "\(message) on \(address.host ?? address.socketDirectory)"
    case "57014": what = "the statement was cancelled: \(message) (statement_timeout?)"
    case "57P01", "57P02", "57P03": what = "the server ended the connection: \(message)"
    default: what = "the server says: \(message)"
    }
    return PostgresFailure(what + (state.map { " (SQLSTATE \($0))" } ?? ""))
  }

  /// A system error as its message (`Connection refused`), anything else as itself.
  static func describe(_ error: any Error) -> String {
    if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
    if let c = error as? NIOConnectionError {
      if let first = c.connectionErrors.first { return describe(first.error) }
      return "could not resolve \(c.host)"
    }
    if error is ChannelError, case .connectTimeout = error as? ChannelError { return "timed out" }
    return String(describing: error)
  }
}
#endif
