import ArgumentParser
import Foundation
import Tinq
import TinqShell

extension OutputFormat: ExpressibleByArgument {}
extension TestReport: ExpressibleByArgument {}

/// The options shared by `tinq` and `tinq run`.
struct CommonOptions: ParsableArguments {
  @Option(name: .customLong("corpus"), help: ArgumentHelp("A folder, .txt or .jsonl file to load (repeatable), or one snapshot (tinq build); default: the bundled seeds.", valueName: "path"))
  var corpus: [String] = []

  @Option(name: .customLong("backend"), help: ArgumentHelp("A PostgreSQL database to query instead of a corpus in memory (postgres://user@host/db; load it with tinq load).", valueName: "url"))
  var backend: String? = nil

  @Option(name: .long, help: "Output format: table, json, jsonl, csv, markdown.")
  var format: OutputFormat = .table

  @Flag(name: .long, help: "Print 'Run Time: real S.SSSSSS' on stderr after each statement.")
  var timer = false

  @Flag(name: .long, help: "Go on after a failing statement instead of stopping.")
  var keepGoing = false
}

/// `tinq`: the REPL, `-e` statements, or statements piped on stdin.
struct TinqCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tinq",
    abstract: "Query Vietnamese news articles: legal citations, people, organisations, dates and text.",
    discussion: """
      Examples:
        tinq                                      REPL over the bundled seed articles
        tinq --corpus articles/ --corpus more.jsonl
        tinq -e 'count articles by year'
        tinq -e 'articles where cites "03/2019/NĐ-CP" order by date' --format json
        tinq -e 'articles where mentions "nguyen tan cuong" select id, title'
        tinq run report.tinq --format csv > report.csv
        echo 'count articles' | tinq
        tinq build articles/ -o news.tinq         build a snapshot once...
        tinq --corpus news.tinq                   ...and open it at once, every time
        tinq build --update news.tinq             read only new and changed files into it
        tinq load articles/ --into postgres://localhost/news
        tinq --backend postgres://localhost/news -e 'count articles by year'

      Exit status: 0 success, 1 an error in a query or script, 2 a usage or I/O error.
      Colour is used only on a terminal and never when NO_COLOR is set.
      """,
    version: "tinq " + Repl.version,
    subcommands: [RunCommand.self, TestCommand.self, BuildCommand.self, LoadCommand.self]
  )

  @OptionGroup var common: CommonOptions

  @Option(name: .customShort("e"), help: ArgumentHelp("Statements to run, then exit (repeatable).", valueName: "statements"))
  var execute: [String] = []

  func run() throws {
    var request = LaunchRequest(
      corpusPaths: common.corpus, statements: execute, format: common.format, timer: common.timer,
      keepGoing: common.keepGoing)
    request.backendURL = common.backend
    throw ExitCode(Launcher.run(request))
  }
}

/// `tinq run FILE...`: run saved scripts.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run saved scripts of statements and meta-commands ('-' reads stdin).",
    discussion: """
      Examples:
        tinq run queries.tinq
        tinq run --keep-going --timer a.tinq b.tinq
        cat queries.tinq | tinq run -
      """
  )

  @OptionGroup var common: CommonOptions

  @Argument(help: ArgumentHelp("Script files; '-' is stdin.", valueName: "file"))
  var files: [String]

  func run() throws {
    var request = LaunchRequest(
      corpusPaths: common.corpus, scripts: files, format: common.format, timer: common.timer,
      keepGoing: common.keepGoing)
    request.backendURL = common.backend
    throw ExitCode(Launcher.run(request))
  }
}

/// `tinq test FILE...`: run scripts of `expect` statements as tests.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run scripts of 'expect' statements as tests and report each ('-' reads stdin).",
    discussion: """
      A test script is an ordinary script whose 'expect' statements pin facts of the corpus:
        expect count articles where cites "03/2019/NĐ-CP" = 4
        expect articles where cites "03/2019/NĐ-CP" includes "002", "003"
        expect none articles where year > 2026
        expect some people where name contains "nguyen"
      Every file runs to its end; other statements run but print nothing. A failure prints
        FILE:LINE:COL: expectation failed: expected 4, got 3
      with the statement; a statement in error counts as a failure too.

      Examples:
        tinq test --corpus articles/ facts.tinq
        tinq test --report junit tests/*.tinq > junit.xml

      Exit status: 0 all held, 1 a failure or an error, 2 a usage or I/O error.
      """
  )

  @Option(name: .customLong("corpus"), help: ArgumentHelp("A folder, .txt or .jsonl file to load (repeatable); default: the bundled seeds.", valueName: "path"))
  var corpus: [String] = []

  @Option(name: .long, help: "Report format: plain (failures and a count), tap (TAP 13) or junit (JUnit XML).")
  var report: TestReport = .plain

  @Argument(help: ArgumentHelp("Test scripts; '-' is stdin.", valueName: "file"))
  var files: [String]

  func run() throws {
    let request = LaunchRequest(corpusPaths: corpus, tests: files, report: report)
    throw ExitCode(Launcher.run(request))
  }
}

/// `tinq build PATH... -o FILE`: write a snapshot.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Load a corpus once and write it as a snapshot that opens at once (--corpus FILE).",
    discussion: """
      A snapshot holds the extracted articles with their provenance, the encoded bodies and every index, and the list of source files (size, time, checksum). Opening it extracts and indexes nothing; when its sources have changed since, Tinq says so in one line and answers from the snapshot.

      The file is written beside its destination and renamed into place when complete: an error or Ctrl-C leaves no partial file and keeps the previous one.

      With --update, Tinq reads only the files that are new or changed since the snapshot was built (from the same paths), takes the other articles from the snapshot as they were extracted, settles what depends on the whole corpus again (short citations, names confirmed by other articles, duplicate ids), keeps the index of the articles before the first change, and rewrites the snapshot; when nothing changed, it writes nothing.

      Examples:
        tinq build ../corpora/ -o news.tinq
        tinq build a.jsonl b/ --output news.tinq
        tinq build --update news.tinq
        tinq --corpus news.tinq -e 'count articles by year'

      Exit status: 0 written (or up to date), 2 a usage or I/O error, 130 interrupted.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "Folders, .txt or .jsonl files to load (or one snapshot to rewrite; with --update, the snapshot to update).",
      valueName: "path"))
  var paths: [String]

  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("The snapshot file to write (with --update: instead of the snapshot itself).", valueName: "file"))
  var output: String?

  @Flag(help: "Bring the snapshot given up to date with its source files, reading only new and changed ones.")
  var update = false

  func validate() throws {
    if update {
      guard paths.count == 1 else { throw ValidationError("--update takes one snapshot, e.g. `tinq build --update news.tinq`") }
    } else if output == nil {
      throw ValidationError("Missing expected argument '--output <file>' (or -o FILE), the snapshot to write")
    }
  }

  func run() throws {
    if update {
      throw ExitCode(Launcher.update(snapshot: paths[0], output: output))
    }
    throw ExitCode(Launcher.build(paths: paths, output: output ?? ""))
  }
}

/// `tinq load PATH... --into URL`: load a corpus into PostgreSQL.
struct LoadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Load a corpus into a PostgreSQL database (then query it with --backend URL).",
    discussion: """
      Tinq loads and extracts the articles as for --corpus, then writes them with their facts, folded keys and syllable index into the database's tinq_* tables (created when missing), by COPY, in one transaction: an error or Ctrl-C leaves the database as it was. Articles loaded before with the same ids, or from the same files, are replaced, so loading the same sources again changes nothing. Needs a tinq built with `--traits PostgreSQL`.

      The URL is libpq's: postgres://[user[:password]@][host][:port]/database[?host=/socket/dir]; PGUSER, PGPASSWORD, PGHOST and PGPORT fill what it leaves out.

      Examples:
        tinq load ../corpora/ --into postgres://localhost/news
        tinq load new.jsonl --into 'postgres:///news?host=/var/run/postgresql'
        tinq --backend postgres://localhost/news -e 'count articles where cites "03/2019/NĐ-CP" by year'

      Exit status: 0 loaded, 2 a usage, I/O or server error, 130 interrupted.
      """
  )

  @Argument(help: ArgumentHelp("Folders, .txt or .jsonl files to load.", valueName: "path"))
  var paths: [String]

  @Option(name: .customLong("into"), help: ArgumentHelp("The database to load into.", valueName: "url"))
  var into: String

  func run() throws {
    throw ExitCode(Launcher.load(paths: paths, into: into))
  }
}

// Usage errors exit with 2 (not ArgumentParser's 64), as the exit codes require.
do {
  var command = try TinqCommand.parseAsRoot()
  try command.run()
} catch let exit as ExitCode {
  Foundation.exit(exit.rawValue)
} catch {
  let code = TinqCommand.exitCode(for: error)
  if code == .success {
    print(TinqCommand.fullMessage(for: error))
    Foundation.exit(0)
  }
  FileHandle.standardError.write(Data((TinqCommand.fullMessage(for: error) + "\n").utf8))
  Foundation.exit(Launcher.usageFailure)
}
