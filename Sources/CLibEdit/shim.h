#ifndef TINQ_CLIBEDIT_SHIM_H
#define TINQ_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <locale.h>
#include <editline/readline.h>
#endif
