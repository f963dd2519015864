/* gw-chip-box.c: a row of chips that wraps onto more lines.
 *
 * It asks for no more width than its least shrinkable chip, so adding
 * chips makes it taller, never wider: the pane around it keeps its width
 * however many filters are in force. */

#define G_LOG_DOMAIN "gw-views"

#include "config.h"

#include "gw-chip-box.h"

#define SPACING 6

struct _GwChipBox {
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (GwChipBox, gw_chip_box, GTK_TYPE_WIDGET)

/* The width a chip takes on a line @width wide: its natural width, or all
 * of the line when that is less. */
static int
chip_width (GtkWidget *chip,
            int        width)
{
  int minimum, natural;

  gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return MAX (minimum, MIN (natural, width));
}

static int
chip_height (GtkWidget *chip,
             int        width)
{
  int minimum, natural;

  gtk_widget_measure (chip, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return natural;
}

/* Lays the chips out on lines @width wide; allocates them when @allocate,
 * and gives the height they take either way. */
static int
flow (GwChipBox *self,
      int        width,
      gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self)); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      int w, h;

      if (!gtk_widget_should_layout (chip))
        continue;
      w = chip_width (chip, width);
      if (x > 0 && x + w > width)
        {
          y += line_height + SPACING;
          x = 0;
          line_height = 0;
        }
      h = chip_height (chip, w);
      if (allocate)
        gtk_widget_size_allocate (chip, &(GtkAllocation) { x, y, w, h }, -1);
      x += w + SPACING;
      line_height = MAX (line_height, h);
    }
  return y + line_height;
}

static GtkSizeRequestMode
gw_chip_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gw_chip_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GwChipBox *self = GW_CHIP_BOX (widget);
  int narrowest = 0;

  for (GtkWidget *chip = gtk_widget_get_first_child (widget); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      int chip_minimum;

      if (!gtk_widget_should_layout (chip))
        continue;
      gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, &chip_minimum, NULL, NULL, NULL);
      narrowest = MAX (narrowest, chip_minimum);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = narrowest;
    }
  else
    *minimum = *natural = flow (self, for_size < 0 ? narrowest : for_size, FALSE);
}

static void
gw_chip_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  flow (GW_CHIP_BOX (widget), width, TRUE);
}

static void
gw_chip_box_dispose (GObject *object)
{
  gw_chip_box_remove_all (GW_CHIP_BOX (object));
  G_OBJECT_CLASS (gw_chip_box_parent_class)->dispose (object);
}

static void
gw_chip_box_class_init (GwChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_chip_box_dispose;
  widget_class->get_request_mode = gw_chip_box_get_request_mode;
  widget_class->measure = gw_chip_box_measure;
  widget_class->size_allocate = gw_chip_box_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "chips");
}

static void
gw_chip_box_init (GwChipBox *self)
{
}

GtkWidget *
gw_chip_box_new (void)
{
  return g_object_new (GW_TYPE_CHIP_BOX, NULL);
}

void
gw_chip_box_append (GwChipBox *self,
                    GtkWidget *chip)
{
  g_return_if_fail (GW_IS_CHIP_BOX (self));

  gtk_widget_set_parent (chip, GTK_WIDGET (self));
}

void
gw_chip_box_remove_all (GwChipBox *self)
{
  GtkWidget *chip;

  g_return_if_fail (GW_IS_CHIP_BOX (self));

  while ((chip = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (chip);
}
