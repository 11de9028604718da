//! Strings of the themes and of the configuration file: its errors, `atelier config`, the
//! `--theme` and `--config` options.

#[derive(Debug)]
pub struct ConfigStrings {
    pub theme_dark: &'static str,
    pub theme_light: &'static str,
    pub theme_high_contrast: &'static str,
}

pub const FR: ConfigStrings = ConfigStrings {
    theme_dark: "sombre",
    theme_light: "clair",
    theme_high_contrast: "contraste élevé",
};

pub const EN: ConfigStrings = ConfigStrings {
    theme_dark: "dark",
    theme_light: "light",
    theme_high_contrast: "high contrast",
};
