//! Where the first window goes and how big it is, from the work areas of the monitors (the
//! screen less the taskbar) and the place the window had when it was last closed.
//!
//! Pure geometry in logical pixels (text size 100%), so it is tested on any platform; the
//! work areas come from the system (`platform::work_areas`). Sizes are the window's inner size,
//! as iced takes it; positions are its outer top-left corner, as the system reports moves.

use crate::settings::{MIN_WINDOW, WindowPlacement};

/// The inner size the app is laid out for when there is room.
pub const PREFERRED: Size = Size {
    width: 1200.0,
    height: 720.0,
};

/// What the title bar and the borders add to the inner size on Windows 10 and 11 at 100%
/// (a 31 px title bar and 8 px borders; part of each border is an invisible resize grip).
pub const FRAME: Size = Size {
    width: 16.0,
    height: 39.0,
};

/// The least of a window that must lie on a monitor for it to count as on that screen: enough
/// of the title bar to grab it and move it.
const GRAB: Size = Size {
    width: 120.0,
    height: 24.0,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    fn right(&self) -> f32 {
        self.x + self.width
    }

    fn bottom(&self) -> f32 {
        self.y + self.height
    }

    fn intersection(&self, other: &Rect) -> Option<Rect> {
        let x = self.x.max(other.x);
        let y = self.y.max(other.y);
        let width = self.right().min(other.right()) - x;
        let height = self.bottom().min(other.bottom()) - y;
        (width > 0.0 && height > 0.0).then_some(Rect {
            x,
            y,
            width,
            height,
        })
    }

    fn area(&self) -> f32 {
        self.width * self.height
    }
}

/// One monitor as the window sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Monitor {
    /// The monitor less the taskbar and docked bars.
    pub work_area: Rect,
    /// The one Windows opens new windows on.
    pub primary: bool,
}

/// Where and how the window opens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The inner size; for a maximised window, the size it gets when restored.
    pub size: Size,
    /// The outer top-left corner; for a maximised window, where it goes when restored.
    pub position: (f32, f32),
    /// Opened maximised: the preferred or remembered size does not fit the work area.
    pub maximized: bool,
}

/// The window for these monitors: the remembered place if it is still on one of them (moved
/// and shrunk into its work area as needed), else the preferred size centred on the primary
/// monitor's work area; maximised where that size does not fit. `None` without monitors.
pub fn fit(saved: Option<WindowPlacement>, monitors: &[Monitor]) -> Option<Fit> {
    let primary = monitors
        .iter()
        .find(|monitor| monitor.primary)
        .or(monitors.first())?;
    let saved = saved.map(WindowPlacement::sanitized);
    let size = saved.map_or(PREFERRED, |p| Size {
        width: p.width,
        height: p.height,
    });
    // The monitor the remembered window is on: the one holding most of it, if enough of its
    // title bar is there to grab; a monitor that is gone leaves it on none.
    let on_screen = saved.and_then(|p| {
        let outer = Rect {
            x: p.x?,
            y: p.y?,
            width: size.width + FRAME.width,
            height: size.height + FRAME.height,
        };
        let title_bar = Rect {
            height: FRAME.height,
            ..outer
        };
        monitors
            .iter()
            .filter(|m| {
                m.work_area.intersection(&title_bar).is_some_and(|part| {
                    part.width >= GRAB.width.min(outer.width) && part.height >= GRAB.height
                })
            })
            .max_by(|a, b| {
                let area = |m: &Monitor| m.work_area.intersection(&outer).map_or(0.0, |r| r.area());
                area(a).total_cmp(&area(b))
            })
            .map(|monitor| (monitor, outer))
    });
    let work = on_screen.map_or(primary, |(monitor, _)| monitor).work_area;
    let room = Size {
        width: work.width - FRAME.width,
        height: work.height - FRAME.height,
    };
    if size.width > room.width || size.height > room.height {
        // Too big for this screen (a 1024×768 projector, a 1366×768 laptop with its taskbar):
        // maximised it uses the whole work area; restored, it fits the work area too.
        return Some(Fit {
            size: Size {
                width: size.width.min(room.width).max(MIN_WINDOW.0),
                height: size.height.min(room.height).max(MIN_WINDOW.1),
            },
            position: (work.x, work.y),
            maximized: true,
        });
    }
    let outer = Size {
        width: size.width + FRAME.width,
        height: size.height + FRAME.height,
    };
    let position = match on_screen {
        // Kept where it was, pulled in so that no edge is outside the work area.
        Some((_, was)) => (
            was.x.clamp(work.x, work.right() - outer.width),
            was.y.clamp(work.y, work.bottom() - outer.height),
        ),
        None => (
            work.x + ((work.width - outer.width) / 2.0).floor(),
            work.y + ((work.height - outer.height) / 2.0).floor(),
        ),
    };
    Some(Fit {
        size,
        position,
        maximized: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monitor(x: f32, y: f32, width: f32, height: f32, primary: bool) -> Monitor {
        Monitor {
            work_area: Rect {
                x,
                y,
                width,
                height,
            },
            primary,
        }
    }

    /// A screen of this size with Windows' 40 px taskbar at the bottom.
    fn screen(width: f32, height: f32) -> Monitor {
        monitor(0.0, 0.0, width, height - 40.0, true)
    }

    fn placement(x: f32, y: f32, width: f32, height: f32) -> WindowPlacement {
        WindowPlacement {
            width,
            height,
            x: Some(x),
            y: Some(y),
        }
    }

    /// The whole outer window lies inside the work area.
    fn inside(placed: &Fit, work: Rect) -> bool {
        let (x, y) = placed.position;
        x >= work.x
            && y >= work.y
            && x + placed.size.width + FRAME.width <= work.right()
            && y + placed.size.height + FRAME.height <= work.bottom()
    }

    #[test]
    fn no_monitors_no_opinion() {
        assert_eq!(fit(None, &[]), None);
    }

    #[test]
    fn small_office_screens_open_maximised_and_restore_inside_the_work_area() {
        for (width, height) in [(1024.0, 768.0), (1366.0, 768.0), (1280.0, 720.0)] {
            let monitors = [screen(width, height)];
            let placed = fit(None, &monitors).unwrap();
            assert!(placed.maximized, "{width}×{height}");
            assert!(
                inside(&placed, monitors[0].work_area),
                "{width}×{height}: {placed:?}"
            );
        }
        // 1024×768: the restored window is as wide as the screen allows, never below the minimum.
        let placed = fit(None, &[screen(1024.0, 768.0)]).unwrap();
        assert_eq!(
            placed.size,
            Size {
                width: 1008.0,
                height: 689.0
            }
        );
        assert_eq!(placed.position, (0.0, 0.0));
    }

    #[test]
    fn larger_screens_centre_the_preferred_size_in_the_work_area() {
        for (width, height) in [(1440.0, 900.0), (1600.0, 900.0), (1920.0, 1080.0)] {
            let monitors = [screen(width, height)];
            let placed = fit(None, &monitors).unwrap();
            assert!(!placed.maximized, "{width}×{height}");
            assert_eq!(placed.size, PREFERRED);
            assert!(
                inside(&placed, monitors[0].work_area),
                "{width}×{height}: {placed:?}"
            );
        }
        let placed = fit(None, &[screen(1920.0, 1080.0)]).unwrap();
        // (1920 − 1216) / 2, (1040 − 759) / 2
        assert_eq!(placed.position, (352.0, 140.0));
    }

    #[test]
    fn a_screen_without_taskbar_that_just_holds_the_window_keeps_it() {
        // 1366×768 with the taskbar hidden (or under Wine): 1216×759 fits.
        let placed = fit(None, &[monitor(0.0, 0.0, 1366.0, 768.0, true)]).unwrap();
        assert!(!placed.maximized);
        assert_eq!(placed.position, (75.0, 4.0));
    }

    #[test]
    fn a_taskbar_on_the_left_or_top_moves_the_work_area() {
        let left = monitor(62.0, 0.0, 1858.0, 1080.0, true);
        let placed = fit(None, &[left]).unwrap();
        assert!(inside(&placed, left.work_area));
        let top = monitor(0.0, 40.0, 1920.0, 1040.0, true);
        let placed = fit(Some(placement(10.0, 30.0, 1000.0, 700.0)), &[top]).unwrap();
        assert_eq!(placed.position, (10.0, 40.0));
    }

    #[test]
    fn a_remembered_place_on_screen_is_kept() {
        let monitors = [screen(1920.0, 1080.0)];
        let placed = fit(Some(placement(100.0, 50.0, 1000.0, 700.0)), &monitors).unwrap();
        assert_eq!(
            placed,
            Fit {
                size: Size {
                    width: 1000.0,
                    height: 700.0
                },
                position: (100.0, 50.0),
                maximized: false
            }
        );
    }

    #[test]
    fn a_window_hanging_over_the_taskbar_or_an_edge_is_pulled_in() {
        let monitors = [screen(1920.0, 1080.0)];
        let placed = fit(Some(placement(1500.0, 600.0, 1000.0, 700.0)), &monitors).unwrap();
        assert!(!placed.maximized);
        assert_eq!(placed.position, (1920.0 - 1016.0, 1040.0 - 739.0));
        assert!(inside(&placed, monitors[0].work_area));
    }

    #[test]
    fn a_place_on_a_monitor_that_is_gone_comes_back_to_the_primary() {
        // Closed on a second monitor to the right; now only the laptop's own screen is there.
        let laptop = [screen(1920.0, 1080.0)];
        let placed = fit(Some(placement(2100.0, 100.0, 1000.0, 700.0)), &laptop).unwrap();
        assert!(inside(&placed, laptop[0].work_area));
        assert_eq!(
            placed.position,
            ((1920.0 - 1016.0) / 2.0, ((1040.0 - 739.0) / 2.0f32).floor())
        );
        // Far above or to the left (a monitor that was left of the primary one).
        for (x, y) in [(-1500.0, 100.0), (100.0, -2000.0), (f32::MAX, f32::MAX)] {
            let placed = fit(Some(placement(x, y, 1000.0, 700.0)), &laptop).unwrap();
            assert!(inside(&placed, laptop[0].work_area), "{x},{y}: {placed:?}");
        }
    }

    #[test]
    fn a_big_window_from_a_big_monitor_opens_maximised_on_a_small_one() {
        // Closed at 1800×1000 on a 1920×1080 desk monitor; next at a 1024×768 projector.
        let projector = [screen(1024.0, 768.0)];
        let placed = fit(Some(placement(60.0, 20.0, 1800.0, 1000.0)), &projector).unwrap();
        assert!(placed.maximized);
        assert!(inside(&placed, projector[0].work_area));
    }

    #[test]
    fn a_place_on_the_second_monitor_stays_there() {
        let monitors = [
            screen(1920.0, 1080.0),
            monitor(1920.0, 0.0, 1280.0, 1024.0, false),
        ];
        let placed = fit(Some(placement(2000.0, 100.0, 1000.0, 700.0)), &monitors).unwrap();
        assert_eq!(placed.position, (2000.0, 100.0));
        // Too big for the second monitor: maximised there, not on the primary.
        let placed = fit(Some(placement(2000.0, 100.0, 1250.0, 990.0)), &monitors).unwrap();
        assert!(placed.maximized);
        assert_eq!(placed.position, (1920.0, 0.0));
        // On the second monitor but with its title bar below its bottom edge: out of reach, so
        // back to the primary.
        let placed = fit(Some(placement(2000.0, 1010.0, 1000.0, 700.0)), &monitors).unwrap();
        assert!(inside(&placed, monitors[0].work_area));
    }

    #[test]
    fn no_primary_flag_uses_the_first_monitor() {
        let monitors = [monitor(0.0, 0.0, 1920.0, 1040.0, false)];
        assert!(fit(None, &monitors).is_some());
    }
}
