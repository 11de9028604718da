//! Writes N realistic sessions into a folder, for measuring atelier at the scale of a regional
//! programme: `cargo run --release --example gen-sessions -- N DIR [--seed S]`.
//!
//! Groups of 8 to 20 members (Moroccan names, some written in Arabic), one trade each from a
//! list of the trades the programme meets, in the 12 regions; 3 to 12 sessions per group, two
//! weeks apart, each with 20–40 cards, 4–8 themes, 10–20 causes, 8–15 ideas and 4–8 actions,
//! built edit by edit (`atelier::sample::sized_session`) so every file has its history. Each
//! session reviews the actions still open from all the group's earlier sessions
//! (`model::open_reviews`) and carries its backlog. All but some last sessions are closed.
//! The same N and seed always give the same files.

use atelier::model::{Group, IdGen, LegalStatus, Member, Region, Session};
use atelier::sample::{Meeting, sized_session};
use atelier::store::{self, Store};
use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use std::path::PathBuf;
use std::process::ExitCode;

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST_WOMEN: [&str; 24] = [
    "Fatima", "Khadija", "Aicha", "Naima", "Malika", "Zineb", "Samira", "Hafsa", "Imane", "Latifa",
    "Saida", "Rachida", "Nadia", "Houda", "Meryem", "Siham", "Hanane", "Loubna", "Asmae", "Karima",
    "Souad", "Wafae", "Btissam", "Ghizlane",
];
const FIRST_MEN: [&str; 24] = [
    "Mohammed",
    "Ahmed",
    "Youssef",
    "Abdellah",
    "Hassan",
    "Mustapha",
    "Rachid",
    "Said",
    "Karim",
    "Omar",
    "Hamid",
    "Driss",
    "Khalid",
    "Abdelaziz",
    "Brahim",
    "Noureddine",
    "Jamal",
    "Aziz",
    "Mehdi",
    "Anouar",
    "Hicham",
    "Tarik",
    "Lahcen",
    "Redouane",
];
const FAMILY: [&str; 30] = [
    "El Amrani",
    "Benjelloun",
    "Alaoui",
    "Bennani",
    "Tazi",
    "El Idrissi",
    "Berrada",
    "Chraibi",
    "El Fassi",
    "Ouazzani",
    "Lahlou",
    "Bouazza",
    "Ait Ouahmane",
    "Amazigh",
    "Ziani",
    "Essaidi",
    "El Ouardi",
    "Naciri",
    "Kettani",
    "Sqalli",
    "Mansouri",
    "Belkadi",
    "Oukhouya",
    "Haddaoui",
    "Rifi",
    "Chaoui",
    "Ait Benhaddou",
    "Boutaleb",
    "Zerouali",
    "El Kabbaj",
];
/// Members who wrote their name in Arabic script.
const ARABIC_NAMES: [&str; 12] = [
    "فاطمة الزهراء بنعلي",
    "محمد العلوي",
    "خديجة الإدريسي",
    "يوسف بناني",
    "عائشة التازي",
    "حسن المنصوري",
    "نعيمة الشاوي",
    "إبراهيم أيت أوحمان",
    "سعيدة الزياني",
    "رشيد الفاسي",
    "مليكة البقالي",
    "عبد الله الريفي",
];

/// A trade: the group's trade, the members' trades, what their businesses are called.
struct Trade {
    group: &'static str,
    members: &'static [&'static str],
    business: &'static [&'static str],
    group_name: &'static str,
}

const TRADES: [Trade; 14] = [
    Trade {
        group: "Boulangerie-pâtisserie",
        members: &["Boulangerie", "Pâtisserie", "Boulangerie traditionnelle"],
        business: &["Boulangerie", "Pâtisserie", "Four"],
        group_name: "Boulangers",
    },
    Trade {
        group: "Couture et confection",
        members: &["Couture", "Broderie", "Confection de caftans"],
        business: &["Atelier de couture", "Broderie", "Confection"],
        group_name: "Couturières",
    },
    Trade {
        group: "Mécanique automobile",
        members: &["Mécanique", "Électricité auto", "Tôlerie"],
        business: &["Garage", "Atelier mécanique", "Auto-service"],
        group_name: "Mécaniciens",
    },
    Trade {
        group: "Coiffure et esthétique",
        members: &["Coiffure", "Esthétique", "Hammam"],
        business: &["Salon", "Institut", "Espace beauté"],
        group_name: "Coiffeuses",
    },
    Trade {
        group: "Menuiserie",
        members: &["Menuiserie bois", "Menuiserie aluminium", "Ébénisterie"],
        business: &["Menuiserie", "Atelier bois", "Ébénisterie"],
        group_name: "Menuisiers",
    },
    Trade {
        group: "Maisons d'hôtes",
        members: &["Maison d'hôtes", "Riad", "Gîte rural"],
        business: &["Riad", "Dar", "Gîte"],
        group_name: "Maisons d'hôtes",
    },
    Trade {
        group: "Épicerie de quartier",
        members: &["Épicerie", "Alimentation générale", "Crèmerie"],
        business: &["Hanout", "Épicerie", "Alimentation"],
        group_name: "Épiciers",
    },
    Trade {
        group: "Restauration",
        members: &["Snack", "Restaurant", "Traiteur"],
        business: &["Snack", "Restaurant", "Traiteur"],
        group_name: "Restaurateurs",
    },
    Trade {
        group: "Artisanat du cuir",
        members: &["Maroquinerie", "Babouches", "Tannerie"],
        business: &["Maroquinerie", "Atelier cuir", "Babouches"],
        group_name: "Artisans du cuir",
    },
    Trade {
        group: "Coopératives d'argan",
        members: &["Huile d'argan", "Cosmétique naturelle", "Amlou"],
        business: &["Coopérative", "Coopérative féminine", "Atelier"],
        group_name: "Coopératives d'argan",
    },
    Trade {
        group: "Plomberie et électricité",
        members: &["Plomberie", "Électricité bâtiment", "Chauffage"],
        business: &["Entreprise", "Atelier", "Services"],
        group_name: "Plombiers et électriciens",
    },
    Trade {
        group: "Poterie et céramique",
        members: &["Poterie", "Zellige", "Céramique"],
        business: &["Poterie", "Atelier zellige", "Céramique"],
        group_name: "Potiers",
    },
    Trade {
        group: "Réparation de téléphones",
        members: &["Réparation de téléphones", "Informatique", "Accessoires"],
        business: &["GSM", "Phone Service", "Tech"],
        group_name: "Réparateurs",
    },
    Trade {
        group: "Agriculture et élevage",
        members: &["Maraîchage", "Apiculture", "Élevage caprin"],
        business: &["Ferme", "Rucher", "Exploitation"],
        group_name: "Agriculteurs",
    },
];

/// Each region with some of its cities and the organisations that host groups there.
const PLACES: [(Region, &[&str]); 12] = [
    (
        Region::TangerTetouanAlHoceima,
        &["Tanger", "Tétouan", "Al Hoceïma", "Larache", "Chefchaouen"],
    ),
    (Region::Oriental, &["Oujda", "Nador", "Berkane", "Taourirt"]),
    (
        Region::FesMeknes,
        &["Fès", "Meknès", "Taza", "Sefrou", "Ifrane"],
    ),
    (
        Region::RabatSaleKenitra,
        &["Rabat", "Salé", "Kénitra", "Témara", "Khémisset"],
    ),
    (
        Region::BeniMellalKhenifra,
        &["Béni Mellal", "Khénifra", "Khouribga", "Azilal"],
    ),
    (
        Region::CasablancaSettat,
        &[
            "Casablanca",
            "Mohammédia",
            "Settat",
            "El Jadida",
            "Berrechid",
        ],
    ),
    (
        Region::MarrakechSafi,
        &["Marrakech", "Safi", "Essaouira", "El Kelâa des Sraghna"],
    ),
    (
        Region::DraaTafilalet,
        &["Errachidia", "Ouarzazate", "Zagora", "Tinghir"],
    ),
    (
        Region::SoussMassa,
        &["Agadir", "Taroudant", "Tiznit", "Inezgane"],
    ),
    (
        Region::GuelmimOuedNoun,
        &["Guelmim", "Tan-Tan", "Sidi Ifni"],
    ),
    (
        Region::LaayouneSakiaElHamra,
        &["Laâyoune", "Boujdour", "Tarfaya"],
    ),
    (Region::DakhlaOuedEdDahab, &["Dakhla", "Aousserd"]),
];

const HOSTS: [&str; 5] = [
    "Chambre de Commerce, d'Industrie et de Services",
    "Chambre d'Artisanat",
    "Association Al Amal pour le développement local",
    "Centre Régional d'Investissement",
    "Maison des jeunes",
];

const ADVISORS: [&str; 16] = [
    "Samira Benjelloun",
    "Youssef Alaoui",
    "Nadia Tazi",
    "Karim Bennani",
    "Houda Lahlou",
    "Omar Chraibi",
    "Zineb Kettani",
    "Rachid Naciri",
    "Meryem Sqalli",
    "Hicham Rifi",
    "Latifa Ziani",
    "Anouar Belkadi",
    "سناء العمراني",
    "Driss Oukhouya",
    "Loubna Tazi",
    "Mehdi Mansouri",
];

const STATUSES: [Option<LegalStatus>; 7] = [
    None,
    Some(LegalStatus::Informal),
    Some(LegalStatus::AutoEntrepreneur),
    Some(LegalStatus::AutoEntrepreneur),
    Some(LegalStatus::SoleTrader),
    Some(LegalStatus::SarlAu),
    Some(LegalStatus::Cooperative),
];

fn person(rng: &mut Rng) -> String {
    if rng.chance(12) {
        return rng.pick(&ARABIC_NAMES).to_string();
    }
    let first = if rng.chance(50) {
        rng.pick(&FIRST_WOMEN)
    } else {
        rng.pick(&FIRST_MEN)
    };
    format!("{first} {}", rng.pick(&FAMILY))
}

/// "de Tanger", "d'Agadir".
fn of(city: &str) -> String {
    let elides = city.starts_with(['A', 'E', 'É', 'I', 'O', 'U', 'Â']);
    if elides {
        format!("d'{city}")
    } else {
        format!("de {city}")
    }
}

fn group(rng: &mut Rng, ids: &mut IdGen, start: NaiveDate) -> Group {
    let trade = rng.pick(&TRADES);
    let (region, cities) = rng.pick(&PLACES);
    let city = rng.pick(cities);
    let id = ids.next_id();
    let n = rng.range(8, 20);
    let members = (0..n)
        .map(|_| {
            let name = person(rng);
            let family = name.rsplit(' ').next().unwrap_or_default().to_string();
            let phone = if rng.chance(70) {
                format!(
                    "+212 6 {:02} {:02} {:02} {:02}",
                    rng.range(0, 99),
                    rng.range(0, 99),
                    rng.range(0, 99),
                    rng.range(0, 99)
                )
            } else {
                String::new()
            };
            Member {
                id: ids.next_id(),
                business: format!("{} {family}", rng.pick(trade.business)),
                trade: rng.pick(trade.members).to_string(),
                legal_status: *rng.pick(&STATUSES),
                employees: rng.chance(80).then(|| rng.range(0, 9) as u32),
                phone,
                joined: Some(start),
                name,
                ..Member::default()
            }
        })
        .collect();
    Group {
        id,
        name: format!("{} {}", trade.group_name, of(city)),
        trade: trade.group.into(),
        region: region.clone(),
        city: city.to_string(),
        host: format!("{} {}", rng.pick(&HOSTS), of(city)),
        advisor: rng.pick(&ADVISORS).to_string(),
        start_date: Some(start),
        members,
        ..Group::default()
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo run --release --example gen-sessions -- N DIR [--seed S]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 20_261_129u64;
    while let Some(a) = args.next() {
        if a == "--seed" {
            match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage(),
            }
        } else {
            positional.push(a);
        }
    }
    let [n, dir] = positional.as_slice() else {
        return usage();
    };
    let Ok(n) = n.parse::<usize>() else {
        return usage();
    };
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    match generate(n, &dir, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(n: usize, dir: &std::path::Path, seed: u64) -> Result<(), String> {
    let store = Store::new(dir);
    let mut rng = Rng(seed);
    let first_day = NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    let mut written = 0;
    let mut group_no = 0u64;
    let started = std::time::Instant::now();
    while written < n {
        group_no += 1;
        let start = first_day + TimeDelta::days(rng.range(0, 900) as i64);
        let mut ids = IdGen::new(seed ^ (group_no << 20));
        let mut group = group(&mut rng, &mut ids, start);
        let sessions = rng.range(3, 12).min(n - written);
        let weekday_hour = rng.range(8, 15) as u32;
        let place = format!("{}, salle {}", group.host, rng.range(1, 6));
        let mut earlier: Vec<Session> = Vec::with_capacity(sessions);
        for k in 0..sessions {
            let date = start + TimeDelta::days(14 * k as i64 + rng.range(0, 3) as i64);
            let now = Utc
                .from_local_datetime(&date.and_hms_opt(weekday_hour, 0, 0).expect("an hour"))
                .single()
                .expect("UTC has no gaps");
            let last = k + 1 == sessions;
            let mut session_ids = IdGen::new(seed ^ (group_no << 20) ^ ((k as u64 + 1) << 8));
            let meeting = Meeting {
                id: session_ids.next_id(),
                number: k as u32 + 1,
                place: place.clone(),
                group: group.clone(),
                reviews: atelier::model::open_reviews(&earlier),
                backlog: atelier::model::backlog(&earlier),
                variant: rng.range(0, 60),
                // Most sessions are closed; a group's latest one is sometimes still going.
                close: !last || rng.chance(75),
            };
            let counts = [
                rng.range(20, 40),
                rng.range(4, 8),
                rng.range(10, 20),
                rng.range(8, 15),
                rng.range(4, 8),
            ];
            let session = sized_session(session_ids, meeting, now, counts);
            let path = store.path_for_new(&session);
            // The bytes `store::save` writes, without its flush to the disk per file (a
            // generated folder can be generated again).
            let text = store::encode(&session).map_err(|e| e.to_string())?;
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            group = session.group.clone();
            earlier.push(session);
            written += 1;
            if written % 1000 == 0 {
                eprintln!("{written} / {n} ({:.1} s)", started.elapsed().as_secs_f64());
            }
        }
    }
    eprintln!(
        "{written} sessions of {group_no} groups in {} ({:.1} s)",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
