#include "CEditLineShim.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static char prompt_text[512];
static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t resized = 0;
static volatile sig_atomic_t continued = 0;

EditLine *tt_el_open(const char *program) { return el_init(program, stdin, stdout, stderr); }

static char *current_prompt(EditLine *el) {
    (void)el;
    return prompt_text;
}

void tt_el_set_prompt(EditLine *el, const char *prompt) {
    strncpy(prompt_text, prompt, sizeof prompt_text - 1);
    prompt_text[sizeof prompt_text - 1] = '\0';
    /* \1 brackets escape sequences that take no room on the screen. */
    el_set(el, EL_PROMPT_ESC, current_prompt, '\1');
}

void tt_el_set_editor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }

void tt_el_set_history(EditLine *el, History *list) {
    el_set(el, EL_HIST, history, list);
}

void tt_el_set_client_data(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }

void *tt_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

void tt_el_add_function(EditLine *el, const char *name, const char *help, tt_el_function fn) {
    el_set(el, EL_ADDFN, name, help, fn);
}

void tt_el_bind(EditLine *el, const char *key, const char *function) {
    el_set(el, EL_BIND, key, function, NULL);
}

/* Characters, not bytes, in UTF-8 text; text between \1 marks takes no room. */
static size_t visible_length(const char *text, const char *end) {
    size_t count = 0;
    int hidden = 0;
    for (const char *byte = text; byte < end && *byte != '\0'; byte++) {
        if (*byte == '\1') {
            hidden = !hidden;
            continue;
        }
        if (!hidden && ((unsigned char)*byte & 0xC0) != 0x80) count++;
    }
    return count;
}

/* After the window changes size, draws the prompt and the line afresh where the prompt
   begins. Terminals that rewrap text (tmux, most of today's) have moved the line into the
   new width, so the cursor's row is found from it; the rows from there down are cleared
   and libedit, told the new size, draws everything again. */
static void redraw_after_resize(EditLine *el) {
    /* Dragging a window edge resizes many times over: wait until it settles. */
    while (resized) {
        resized = 0;
        struct timespec settle = {0, 100 * 1000 * 1000};
        nanosleep(&settle, NULL);
    }

    struct winsize size;
    el_resize(el);
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return;
    const LineInfo *line = el_line(el);
    size_t before_cursor =
        visible_length(prompt_text, prompt_text + sizeof prompt_text) +
        visible_length(line->buffer, line->cursor);
    size_t rows_up = before_cursor / size.ws_col;

    char moves[32];
    int length = rows_up > 0 ? snprintf(moves, sizeof moves, "\r\033[%zuA\033[J", rows_up)
                             : snprintf(moves, sizeof moves, "\r\033[J");
    if (length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, moves, (size_t)length);
        (void)ignored;
    }
    el_set(el, EL_REFRESH);
}

/* Like libedit's own reader, but a read interrupted by SIGINT fails at once instead of
   being retried. A window resize, or coming back after Ctrl-Z and `fg`, redraws the line
   at once: the shell may have printed over it and put the terminal back to cooked mode,
   and the width may have changed. */
static int read_interruptibly(EditLine *el, wchar_t *out) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;

    for (;;) {
        if (interrupted) {
            errno = EINTR;
            return -1;
        }
        if (continued) {
            continued = 0;
            /* libedit believes the terminal is still raw; cooked first makes it set raw. */
            el_set(el, EL_PREP_TERM, 0);
            el_set(el, EL_PREP_TERM, 1);
            el_resize(el);
            el_set(el, EL_REFRESH);
        }
        if (resized) redraw_after_resize(el);
        ssize_t got = read(STDIN_FILENO, bytes + count, 1);
        if (got < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (got == 0) return 0;
        count += 1;

        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(out, bytes, count, &state);
        if (used == (size_t)-2 && count < MB_LEN_MAX) continue;
        if (used == (size_t)-1 || used == (size_t)-2) {
            count = 0; /* not a character in this locale: drop the bytes */
            continue;
        }
        if (used == 0) *out = L'\0';
        return 1;
    }
}

void tt_el_read_interruptibly(EditLine *el) { el_set(el, EL_GETCFN, read_interruptibly); }

History *tt_history_open(int size) {
    HistEvent event;
    History *list = history_init();
    if (list == NULL) return NULL;
    history(list, &event, H_SETSIZE, size);
    history(list, &event, H_SETUNIQUE, 1);
    return list;
}

void tt_history_enter(History *list, const char *line) {
    HistEvent event;
    history(list, &event, H_ENTER, line);
}

int tt_history_load(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_LOAD, path);
}

int tt_history_save(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_SAVE, path);
}

static void note_interrupt(int signal_number) {
    (void)signal_number;
    interrupted = 1;
}

static void note_resize(int signal_number) {
    (void)signal_number;
    resized = 1;
}

static void note_continue(int signal_number) {
    (void)signal_number;
    continued = 1;
}

void tt_catch_interrupts(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: the read must fail with EINTR */
    sigaction(SIGINT, &action, NULL);
    action.sa_handler = note_resize;
    sigaction(SIGWINCH, &action, NULL);
    action.sa_handler = note_continue;
    sigaction(SIGCONT, &action, NULL);

    /* Ctrl-\ sits next to Enter on many keyboards; it must not dump the program. */
    signal(SIGQUIT, SIG_IGN);

    /* A blocked SIGINT is inherited from whoever started us; Ctrl-C must still work. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

int tt_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}
