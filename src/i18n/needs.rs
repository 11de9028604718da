//! Strings for need emergence: cards, themes, dot voting, priority, backlog.

use super::Counted;

/// Words of the needs techniques, in one language.
#[derive(Debug, serde::Serialize)]
pub struct NeedsStrings {
    pub picker_title: &'static str,

    // The three panes
    pub pane_themes: &'static str,
    pub pane_votes: &'static str,
    /// The other panes of the phase, on the focused pane's border: the key, then the panes.
    pub other_panes: &'static str,
    pub priority_none: &'static str,

    // Cards
    /// How many authors the cards have (anonymous cards are nobody's).
    pub authors: Counted,
    /// Cards per author, on the bottom border of the cards.
    pub by_author: &'static str,
    /// The same, after the present members who have not given a card.
    pub no_card_yet: &'static str,
    pub marked: Counted,

    // The board
    pub unsorted: &'static str,
    pub unsorted_count: &'static str,
    pub backlog_count: &'static str,
    pub add_theme: &'static str,
    pub backlog_box: &'static str,
    pub backlog_votes: Counted,
    pub backlog_from: &'static str,
    pub empty_board: &'static str,
    pub empty_theme: &'static str,

    // Votes
    pub votes_dots: &'static str,
    pub votes_voter: &'static str,
    pub votes_no_voter: &'static str,
    pub votes_hands: &'static str,
    /// After the vote's title: its rows are in the order of the votes.
    pub votes_in_order: &'static str,
    /// After the vote's title: rows held in place while votes are placed; `{}` is the key
    /// (picking the next voter) that sorts them.
    pub votes_order_held: &'static str,
    pub empty_votes: &'static str,
    pub summary_voted: &'static str,
    pub summary_waiting: &'static str,
    pub summary_over: &'static str,
    pub hands_total: Counted,

    // Pickers
    pub pick_move: &'static str,
    pub pick_merge: &'static str,
    pub pick_category: &'static str,
    pub pick_voter: &'static str,
    pub no_theme_option: &'static str,
    pub no_category_option: &'static str,
    pub voter_option: &'static str,

    // Number fields
    pub editor_budget: &'static str,
    pub editor_tally: &'static str,
    pub budget_invalid: &'static str,
    pub tally_invalid: &'static str,

    // Messages
    pub need_voter: &'static str,
    pub hands_no_voter: &'static str,
    /// The voter, the dots placed, the budget, the dots left; counted by the budget.
    pub over_budget: Counted,
    /// The voter, the budget, the next voter's key; counted by the budget.
    pub budget_used: Counted,
    /// The budget, then the members over it; counted by those members.
    pub budget_lowered: Counted,
    pub no_card: &'static str,
    pub no_theme_yet: &'static str,
    /// The number of cards, then the theme.
    pub moved: Counted,
    pub moved_out: Counted,
    pub not_in_theme: &'static str,
    pub not_a_theme: &'static str,
    pub merge_needs_two: &'static str,
    pub merged: &'static str,
    pub taken_up: &'static str,
    pub not_backlog: &'static str,
    pub take_up_first: &'static str,

    // `atelier show`
    pub show_backlog: &'static str,
    pub show_backlog_item: &'static str,
}

pub const FR: NeedsStrings = NeedsStrings {
    picker_title: "Choisir",

    pane_themes: "Thèmes",
    pane_votes: "Vote",
    other_panes: "{} : {}",
    priority_none: "Pas encore de besoin prioritaire ({} sur un thème).",

    authors: Counted::fr("{} auteur", "{} auteurs"),
    by_author: "Par auteur : {}",
    no_card_yet: "Sans carte : {} · par auteur : {}",
    marked: Counted::fr("{} marquée", "{} marquées"),

    unsorted: "Sans thème",
    unsorted_count: "{} sans thème",
    backlog_count: "{} à reprendre",
    add_theme: "{} : créer un thème",
    backlog_box: "À reprendre, des séances précédentes",
    backlog_votes: Counted::fr("{} voix", "{} voix"),
    backlog_from: "séance {}",
    empty_board: "Aucun thème. {} : créer un thème ; puis {} marque des cartes et {} les range.",
    empty_theme: "(vide)",

    votes_dots: "Gommettes, {} par membre",
    votes_voter: "votant : {}, reste {}",
    votes_no_voter: "{} : qui vote ?",
    votes_hands: "Main levée, chiffres : mains comptées",
    votes_in_order: "classés par votes",
    votes_order_held: "tri à {}",
    empty_votes: "Rien à voter : les thèmes se créent dans le tableau (Tab).",
    summary_voted: "Ont voté : {} sur {}",
    summary_waiting: "à voter : {}",
    summary_over: "au-dessus du budget : {}",
    hands_total: Counted::fr("{} main levée en tout", "{} mains levées en tout"),

    pick_move: "Ranger dans quel thème ?",
    pick_merge: "Fusionner dans quel thème ?",
    pick_category: "Catégorie du besoin",
    pick_voter: "Qui vote ?",
    no_theme_option: "— sans thème",
    no_category_option: "— aucune catégorie",
    voter_option: "{} ({} sur {})",

    editor_budget: "Gommettes par membre présent",
    editor_tally: "Mains levées pour ce thème",
    budget_invalid: "Un nombre entier de 1 à 99, par exemple 3.",
    tally_invalid: "Un nombre entier de mains, de 0 à 999.",

    need_voter: "Choisissez d'abord qui vote : {}.",
    hands_no_voter: "Vote à main levée : pas de votant. {} pour voter avec des gommettes.",
    over_budget: Counted::fr(
        "Refusé : {} a déjà placé {} gommette sur {} ; il en reste {}.",
        "Refusé : {} a déjà placé {} gommettes sur {} ; il en reste {}.",
    ),
    budget_used: Counted::fr(
        "{} a placé {} gommette, tout son budget. {} : votant suivant.",
        "{} a placé ses {} gommettes. {} : votant suivant.",
    ),
    budget_lowered: Counted::fr(
        "Nouveau budget : {} par membre ; {} en a placé plus, à corriger.",
        "Nouveau budget : {} par membre ; {} en ont placé plus, à corriger.",
    ),
    no_card: "Choisissez une carte, ou marquez-en avec {}.",
    no_theme_yet: "Pas encore de thème : {} dans le tableau pour en créer un.",
    moved: Counted::fr(
        "{} carte rangée dans « {} ».",
        "{} cartes rangées dans « {} ».",
    ),
    moved_out: Counted::fr(
        "{} carte remise sans thème.",
        "{} cartes remises sans thème.",
    ),
    not_in_theme: "Cette carte n'est dans aucun thème.",
    not_a_theme: "Choisissez un thème, ou une carte rangée dans un thème.",
    merge_needs_two: "Il faut au moins deux thèmes pour en fusionner.",
    merged: "« {} » fusionné dans « {} » : ses cartes et ses votes suivent.",
    taken_up: "« {} » repris comme thème de cette séance.",
    not_backlog: "Choisissez un thème de la liste « À reprendre ».",
    take_up_first: "Reprenez d'abord ce thème dans la séance ({}).",

    show_backlog: "À reprendre (thèmes non choisis)",
    show_backlog_item: "{} — {}, séance {}",
};

pub const EN: NeedsStrings = NeedsStrings {
    picker_title: "Choose",

    pane_themes: "Themes",
    pane_votes: "Vote",
    other_panes: "{}: {}",
    priority_none: "No priority need yet ({} on a theme).",

    authors: Counted::en("{} author", "{} authors"),
    by_author: "By author: {}",
    no_card_yet: "No card yet: {} · by author: {}",
    marked: Counted::en("{} marked", "{} marked"),

    unsorted: "Not in a theme",
    unsorted_count: "{} not in a theme",
    backlog_count: "{} to take up",
    add_theme: "{}: create a theme",
    backlog_box: "From earlier sessions, to take up",
    backlog_votes: Counted::en("{} vote", "{} votes"),
    backlog_from: "session {}",
    empty_board: "No theme yet. {}: create a theme; then {} marks cards and {} puts them in.",
    empty_theme: "(empty)",

    votes_dots: "Dots, {} per member",
    votes_voter: "voter: {}, {} left",
    votes_no_voter: "{}: who votes?",
    votes_hands: "Show of hands, digits: hands counted",
    votes_in_order: "ranked by votes",
    votes_order_held: "sorted at {}",
    empty_votes: "Nothing to vote on: themes are made on the board (Tab).",
    summary_voted: "Voted: {} of {}",
    summary_waiting: "still to vote: {}",
    summary_over: "over the budget: {}",
    hands_total: Counted::en("{} hand raised in all", "{} hands raised in all"),

    pick_move: "Into which theme?",
    pick_merge: "Merge into which theme?",
    pick_category: "Need category",
    pick_voter: "Who votes?",
    no_theme_option: "— no theme",
    no_category_option: "— no category",
    voter_option: "{} ({} of {})",

    editor_budget: "Dots per present member",
    editor_tally: "Hands raised for this theme",
    budget_invalid: "A whole number from 1 to 99, for example 3.",
    tally_invalid: "A whole number of hands, from 0 to 999.",

    need_voter: "First choose who votes: {}.",
    hands_no_voter: "Show of hands: no voter. {} to vote with dots.",
    over_budget: Counted::en(
        "Refused: {} has already placed {} of {} dot; {} left.",
        "Refused: {} has already placed {} of {} dots; {} left.",
    ),
    budget_used: Counted::en(
        "{} has placed {} dot, the whole budget. {}: next voter.",
        "{} has placed all {} dots. {}: next voter.",
    ),
    budget_lowered: Counted::en(
        "New budget: {} per member; {} placed more, to correct.",
        "New budget: {} per member; {} placed more, to correct.",
    ),
    no_card: "Select a card, or mark some with {}.",
    no_theme_yet: "No theme yet: {} on the board to create one.",
    moved: Counted::en("{} card put into “{}”.", "{} cards put into “{}”."),
    moved_out: Counted::en(
        "{} card taken out of its theme.",
        "{} cards taken out of their themes.",
    ),
    not_in_theme: "This card is in no theme.",
    not_a_theme: "Select a theme, or a card in a theme.",
    merge_needs_two: "Merging takes at least two themes.",
    merged: "“{}” merged into “{}”: its cards and votes follow.",
    taken_up: "“{}” taken up as a theme of this session.",
    not_backlog: "Select a theme of the “to take up” list.",
    take_up_first: "First take this theme up in the session ({}).",

    show_backlog: "To take up (themes not chosen)",
    show_backlog_item: "{} — {}, session {}",
};
