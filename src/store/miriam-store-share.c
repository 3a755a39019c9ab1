/* miriam-store-share.c: PLACEHOLDER while issue 6 is built. */
#include "config.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "miriam-store.h"

gboolean miriam_store_check_changes (MiriamStore *self, gboolean *changed, GError **error)
{ *changed = FALSE; g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not yet"); return FALSE; }
void miriam_store_check_changes_async (MiriamStore *self, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{ g_task_report_new_error (self, callback, user_data, NULL, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not yet"); }
gboolean miriam_store_check_changes_finish (MiriamStore *self, GAsyncResult *result, gboolean *changed, GError **error)
{ *changed = FALSE; return g_task_propagate_boolean (G_TASK (result), error); }
