#ifndef TINQ_CLIBEDIT_SHIM_H
#define TINQ_CLIBEDIT_SHIM_H
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <editline/readline.h>

/* Small fixed-signature helpers for what Swift cannot do itself: install signal handlers that
   only touch a sig_atomic_t, call the variadic ioctl, and feed libedit decoded characters.

   Swift emits these static helpers into every object file that uses them (and inlines across
   files), so static *variables* here would exist in several copies. The flags therefore live in
   memory the Swift side owns; each helper that registers a callback also stores the flag
   pointers that callback reads, in the same object file. */

/* flags[0]: Ctrl-C was pressed; flags[1]: the window was resized. */
static volatile sig_atomic_t *tinq_handler_flags = NULL;

static void tinq_signal_handler(int signo) {
  if (tinq_handler_flags == NULL) return;
  if (signo == SIGINT) tinq_handler_flags[0] = 1;
  if (signo == SIGWINCH) tinq_handler_flags[1] = 1;
}

/* Installs handlers for SIGINT (without SA_RESTART, so a blocked read or poll returns EINTR)
   and SIGWINCH (libedit's own handlers are off: it would re-raise SIGINT to the process group). */
static inline int tinq_install_signal_handlers(volatile sig_atomic_t *flags) {
  tinq_handler_flags = flags;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = tinq_signal_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  /* A parent may have left SIGINT blocked; Ctrl-C must reach us all the same. */
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
  struct sigaction resize = action;
  resize.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &resize, NULL);
  return sigaction(SIGINT, &action, NULL);
}

/* The terminal's width in columns, or 0 when fd is not a terminal. */
static inline int tinq_terminal_width(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return (int)size.ws_col;
}

/* Sets a terminal's size (tests give their pseudo-terminal one). */
static inline int tinq_set_terminal_size(int fd, int columns, int rows) {
  struct winsize size;
  memset(&size, 0, sizeof size);
  size.ws_col = (unsigned short)columns;
  size.ws_row = (unsigned short)rows;
  return ioctl(fd, TIOCSWINSZ, &size);
}

/* Opens a pseudo-terminal master (close-on-exec) and unlocks its slave, /dev/pts/<number>;
   Glibc's posix_openpt family is not visible to Swift without _GNU_SOURCE. */
static inline int tinq_open_pseudo_terminal(int *number) {
  int fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return -1;
  int unlock = 0;
  if (ioctl(fd, TIOCSPTLCK, &unlock) != 0 || ioctl(fd, TIOCGPTN, number) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* True when the current LC_CTYPE codeset is UTF-8. */
static inline int tinq_codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static volatile sig_atomic_t *tinq_input_flags = NULL;

/* Reads one byte from fd 0, waking every 100 ms to notice Ctrl-C even when the signal was
   delivered to another thread. Returns the byte, -1 at end of input, -2 when interrupted. */
static inline int tinq_read_byte(void) {
  for (;;) {
    if (tinq_input_flags != NULL && tinq_input_flags[0]) return -2;
    if (tinq_input_flags != NULL && tinq_input_flags[1]) {
      tinq_input_flags[1] = 0;
      rl_resize_terminal();
    }
    struct pollfd pfd = {.fd = 0, .events = POLLIN, .revents = 0};
    int ready = poll(&pfd, 1, 100);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (ready == 0) continue;
    unsigned char byte;
    ssize_t n = read(0, &byte, 1);
    if (n == 1) return byte;
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return -1;
  }
}

/* rl_getc_function for libedit: decodes UTF-8 itself (libedit takes the returned int as one
   wide character) and ends the line (-1) when Ctrl-C was pressed; the caller tells that apart
   from end of input by the Ctrl-C flag. */
static int tinq_getc(FILE *stream) {
  (void)stream;
  int first = tinq_read_byte();
  if (first < 0) return -1;
  /* A Ctrl-D typed while the terminal was still in canonical mode (just after the prompt was
     written, before libedit switched to raw mode) reaches us as a NUL byte: Linux turns the
     pending end-of-file mark into one. Read it as the Ctrl-D it was. */
  if (first == 0) return 4;
  if (first < 0x80) return first;
  int extra;
  int value;
  if ((first & 0xE0) == 0xC0) { extra = 1; value = first & 0x1F; }
  else if ((first & 0xF0) == 0xE0) { extra = 2; value = first & 0x0F; }
  else if ((first & 0xF8) == 0xF0) { extra = 3; value = first & 0x07; }
  else return 0xFFFD;
  for (int i = 0; i < extra; i++) {
    int next = tinq_read_byte();
    if (next < 0) return -1;
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (next & 0x3F);
  }
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  return value;
}

/* Sets up libedit's readline layer: our input function and no signal handlers of its own (it
   would re-raise SIGINT to the whole process group), then the completion hooks. */
static inline void tinq_configure_readline(
    rl_completion_func_t *complete, char *(*word_break_hook)(void), volatile sig_atomic_t *flags) {
  tinq_input_flags = flags;
  rl_getc_function = tinq_getc;
  rl_catch_signals = 0;
  rl_readline_name = "tinq";
  rl_initialize();
  rl_attempted_completion_function = complete;
  rl_completion_word_break_hook = word_break_hook;
}

/* Tab runs through libedit's bind wrapper, which refreshes rl_line_buffer and rl_point before
   calling us; libedit's own completion key asks the word-break hook while they are stale. */
static int tinq_tab_key(int count, int key) {
  rl_complete(count, key);
  /* The wrapper drops rl_complete's request to redraw: go to the line's start, clear below,
     and redraw the prompt and line (after a candidate list this lands under the list). */
  FILE *out = rl_outstream != NULL ? rl_outstream : stdout;
  fputs("\r\033[J", out);
  fflush(out);
  rl_forced_update_display();
  return 0;
}

static inline void tinq_bind_tab(void) { rl_add_defun("tinq-complete", tinq_tab_key, '\t'); }

static inline const char *tinq_line_buffer(void) { return rl_line_buffer; }
static inline int tinq_line_point(void) { return rl_point; }
static inline int tinq_history_length(void) { return history_length; }
static inline void tinq_completion_done(int append_character) {
  rl_attempted_completion_over = 1;
  rl_completion_append_character = append_character;
}

/* Sets the characters that end a word for completion (libedit reads this global each time). */
static inline void tinq_set_word_breaks(const char *chars) { rl_basic_word_break_characters = chars; }

/* The text of history entry `offset` from the oldest, or NULL. */
static inline const char *tinq_history_line(int offset) {
  HIST_ENTRY *entry = history_get(history_base + offset);
  return entry == NULL ? NULL : entry->line;
}
#endif
