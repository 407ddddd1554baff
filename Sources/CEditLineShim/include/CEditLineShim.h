#ifndef CEDITLINESHIM_H
#define CEDITLINESHIM_H

#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

/* Fixed-argument wrappers for libedit's variadic el_set, el_get and history calls,
   which Swift cannot call, and the read function that lets Ctrl-C drop a line. */

typedef unsigned char (*tt_el_function)(EditLine *, int);

/* el_init on the standard streams, which Swift 6 cannot name safely. */
EditLine *tt_el_open(const char *program);

void tt_el_set_prompt(EditLine *el, const char *prompt);
void tt_el_set_editor(EditLine *el, const char *mode);
void tt_el_set_history(EditLine *el, History *history);
void tt_el_set_client_data(EditLine *el, void *data);
void *tt_el_client_data(EditLine *el);
void tt_el_add_function(EditLine *el, const char *name, const char *help, tt_el_function fn);
void tt_el_bind(EditLine *el, const char *key, const char *function);
void tt_el_read_interruptibly(EditLine *el);

History *tt_history_open(int size);
void tt_history_enter(History *history, const char *line);
int tt_history_load(History *history, const char *path);
int tt_history_save(History *history, const char *path);

/* SIGINT sets a flag instead of ending the program; a read in progress then fails
   with EINTR, so el_gets returns NULL and the line being typed is dropped. A window
   resize (SIGWINCH) and coming back from Ctrl-Z (SIGCONT) set flags too, and the reader
   draws the line again to the new width, or sets the terminal raw again and redraws it. */
void tt_catch_interrupts(void);
int tt_take_interrupt(void);

#endif
