/* gw-chip-box.h: a row of chips that wraps onto more lines */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GW_TYPE_CHIP_BOX (gw_chip_box_get_type ())

G_DECLARE_FINAL_TYPE (GwChipBox, gw_chip_box, GW, CHIP_BOX, GtkWidget)

GtkWidget *gw_chip_box_new        (void);
void       gw_chip_box_append     (GwChipBox *self,
                                   GtkWidget *chip);
void       gw_chip_box_remove_all (GwChipBox *self);

G_END_DECLS
