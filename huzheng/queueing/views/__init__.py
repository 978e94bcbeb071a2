"""The queue's views, one module per audience: kiosk, live (public pages), board
(display board and its event stream), console (counter staff), statistics (director)."""
