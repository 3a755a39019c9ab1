/* miriam-store-calendar.c: stub, being written */
#include "miriam-store-private.h"

char *miriam_store_get_database_id (MiriamStore *s, GError **e) { (void) s; (void) e; return g_strdup ("stub"); }
GPtrArray *miriam_store_list_calendar (MiriamStore *s, const GDate *f, const GDate *t, GError **e) { (void) s; (void) f; (void) t; (void) e; return g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free); }
void miriam_store_list_calendar_async (MiriamStore *s, const GDate *f, const GDate *t, GCancellable *c, GAsyncReadyCallback cb, gpointer u) { GTask *task = g_task_new (s, c, cb, u); (void) f; (void) t; g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free), (GDestroyNotify) g_ptr_array_unref); g_object_unref (task); }
GPtrArray *miriam_store_list_calendar_finish (MiriamStore *s, GAsyncResult *r, GError **e) { (void) s; return g_task_propagate_pointer (G_TASK (r), e); }
GArray *miriam_store_get_group_staff (MiriamStore *s, gint64 g, GError **e) { (void) s; (void) g; (void) e; return g_array_new (FALSE, FALSE, sizeof (gint64)); }
gboolean miriam_store_save_group (MiriamStore *s, MiriamGroup *g, const gint64 *ids, guint n, GPtrArray *ns, GError **e) { (void) s; (void) g; (void) ids; (void) n; (void) ns; g_set_error_literal (e, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO, "stub"); return FALSE; }
void miriam_store_save_group_async (MiriamStore *s, const MiriamGroup *g, const gint64 *ids, guint n, GPtrArray *ns, GCancellable *c, GAsyncReadyCallback cb, gpointer u) { GTask *task = g_task_new (s, c, cb, u); (void) g; (void) ids; (void) n; (void) ns; g_task_return_new_error (task, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO, "stub"); g_object_unref (task); }
MiriamGroup *miriam_store_save_group_finish (MiriamStore *s, GAsyncResult *r, GError **e) { (void) s; return g_task_propagate_pointer (G_TASK (r), e); }
gboolean miriam_store_save_session (MiriamStore *s, MiriamSession *x, guint n, const gint64 *ids, const MiriamAttendance *m, GError **e) { (void) s; (void) x; (void) n; (void) ids; (void) m; g_set_error_literal (e, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO, "stub"); return FALSE; }
void miriam_attendance_row_free (MiriamAttendanceRow *r) { g_free (r); }
GPtrArray *miriam_store_list_session_attendance (MiriamStore *s, gint64 id, GError **e) { (void) s; (void) id; (void) e; return g_ptr_array_new (); }
GArray *miriam_store_list_participant_attendance (MiriamStore *s, gint64 id, GError **e) { (void) s; (void) id; (void) e; return g_array_new (FALSE, FALSE, sizeof (MiriamAttendanceMark)); }
