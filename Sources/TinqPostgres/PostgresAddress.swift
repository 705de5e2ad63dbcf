#if PostgreSQL
import Foundation
import PostgresNIO

/// `PostgresAddress` is a server and database as a libpq-style URL names them:
/// `postgres://[USER[:PASSWORD]@][HOST][:PORT]/DATABASE[?host=SOCKET_DIR&connect_timeout=S]`
/// (an empty host, or a `host` parameter that is a folder, means the Unix socket in that folder;
/// PGUSER, PGPASSWORD and PGHOST fill what the URL leaves out, as psql does).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
  public var user: String
  public var password: String?
  /// A host name or address, or nil for a Unix socket in `socketDirectory`.
  public var host: String?
  public var socketDirectory: String
  public var port: Int
  public var database: String
  /// Seconds to wait for the connection.
  public var connectTimeout: Int

  /// `isURL(_:)` tells whether a string is meant as a PostgreSQL URL.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// `init(parsing:environment:)` reads a URL, or throws a message naming what is wrong.
  public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresFailure) {
    guard Self.isURL(text), let components = URLComponents(string: text) else {
      throw PostgresFailure(
        "\(Self.redacted(text)) is not a PostgreSQL URL (expected postgres://[user[:password]@][host][:port]/database)")
    }
    user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
    password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
    port = components.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
    guard (1...65535).contains(port) else { throw PostgresFailure("port \(port) is out of range in \(Self.redacted(text))") }
    var db = components.path
    if db.hasPrefix("/") { db.removeFirst() }
    db = db.removingPercentEncoding ?? db
    database = db.isEmpty ? user : db
    connectTimeout = 10
    var hostParameter: String? = nil
    for item in components.queryItems ?? [] {
      switch item.name {
      case "host": hostParameter = item.value
      case "connect_timeout":
        guard let v = item.value.flatMap(Int.init), v > 0 else {
          throw PostgresFailure("connect_timeout must be a number of seconds in \(Self.redacted(text))")
        }
        connectTimeout = v
      case "sslmode", "application_name": continue
      default: throw PostgresFailure("unknown parameter \(item.name) in \(Self.redacted(text))")
      }
    }
    let urlHost = components.host.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
    let chosen = urlHost ?? hostParameter ?? environment["PGHOST"]
    if let chosen, !chosen.hasPrefix("/") {
      host = chosen
      socketDirectory = ""
    } else {
      host = nil
      socketDirectory = chosen ?? "/var/run/postgresql"
    }
  }

  /// The socket file of a Unix-socket address.
  public var socketPath: String { socketDirectory + "/.s.PGSQL.\(port)" }

  /// The URL without its password, for messages.
  public var description: String {
    let where_ = host.map { "\($0):\(port)" } ?? ""
    let socket = host == nil ? "?host=\(socketDirectory)" : ""
    return "postgres://\(user)@\(where_)/\(database)\(socket)"
  }

  /// The same server, another database.
  public func with(database: String) -> PostgresAddress {
    var copy = self
    copy.database = database
    return copy
  }

  /// `redacted(_:)` hides a URL's password.
  static func redacted(_ text: String) -> String {
    guard var c = URLComponents(string: text), c.password != nil else { return text }
    c.password = "***"
    return c.string ?? text
  }

  var configuration: PostgresConnection.Configuration {
    var config: PostgresConnection.Configuration
    if let host {
      config = .init(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    } else {
      config = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
    }
    config.options.connectTimeout = .seconds(Int64(connectTimeout))
    return config
  }
}

/// `PostgresFailure` is why the PostgreSQL backend could not do what was asked: a bad URL, a
/// refused connection, bad credentials, a lost connection, a server error, a statement it cannot
/// answer faithfully. Its text is one line for the user.
public struct PostgresFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
#endif
