namespace MovieRec.Synthetic;

/// <summary>The word lists behind synthetic titles, overviews, people and genome tags.</summary>
internal static class Vocabulary
{
    /// <summary>MovieLens genres with their approximate share of movies in the real releases.</summary>
    public static readonly (string Name, string TmdbName, double Share)[] Genres =
    [
        ("Drama", "Drama", 0.45), ("Comedy", "Comedy", 0.35), ("Thriller", "Thriller", 0.18), ("Action", "Action", 0.17),
        ("Romance", "Romance", 0.16), ("Adventure", "Adventure", 0.13), ("Crime", "Crime", 0.12), ("Horror", "Horror", 0.10),
        ("Sci-Fi", "Science Fiction", 0.09), ("Fantasy", "Fantasy", 0.07), ("Children", "Family", 0.07),
        ("Animation", "Animation", 0.06), ("Mystery", "Mystery", 0.06), ("Documentary", "Documentary", 0.05),
        ("War", "War", 0.04), ("Musical", "Music", 0.03), ("Western", "Western", 0.02), ("Film-Noir", "Film Noir", 0.01),
    ];

    /// <summary>Words that overviews of each genre (same order as <see cref="Genres"/>) draw from.</summary>
    public static readonly string[][] GenreWords =
    [
        ["family", "grief", "marriage", "secret", "struggle", "memory", "illness", "redemption", "father", "mother"],
        ["wedding", "prank", "roommate", "disaster", "awkward", "misunderstanding", "party", "road", "trip", "bet"],
        ["conspiracy", "stalker", "hostage", "deadline", "witness", "betrayal", "escape", "target", "agent", "threat"],
        ["explosion", "chase", "mercenary", "showdown", "commando", "rescue", "weapon", "fight", "convoy", "bomb"],
        ["love", "romance", "affair", "heart", "passion", "kiss", "lovers", "proposal", "summer", "letters"],
        ["quest", "treasure", "jungle", "expedition", "island", "map", "voyage", "explorer", "mountain", "ruins"],
        ["detective", "heist", "gangster", "murder", "robbery", "mob", "police", "corruption", "cartel", "crime"],
        ["haunted", "demon", "curse", "blood", "nightmare", "ghost", "killer", "possession", "terror", "creature"],
        ["spaceship", "alien", "robot", "planet", "future", "android", "galaxy", "laboratory", "clone", "starship"],
        ["wizard", "dragon", "kingdom", "magic", "sorcerer", "prophecy", "enchanted", "sword", "elves", "realm"],
        ["puppy", "school", "birthday", "toys", "holiday", "friendship", "kids", "grandmother", "pet", "camp"],
        ["cartoon", "talking", "animals", "forest", "little", "colourful", "inventor", "mouse", "penguin", "adventure"],
        ["clue", "riddle", "disappearance", "investigation", "suspect", "mansion", "puzzle", "alibi", "inspector", "secret"],
        ["interviews", "archive", "footage", "history", "scientists", "journey", "portrait", "nature", "activists", "record"],
        ["soldiers", "battle", "front", "platoon", "army", "trenches", "resistance", "occupation", "general", "invasion"],
        ["song", "stage", "dance", "band", "singer", "broadway", "concert", "choir", "melody", "audition"],
        ["frontier", "sheriff", "outlaw", "ranch", "cattle", "saloon", "gunslinger", "desert", "bounty", "horse"],
        ["femme", "fatale", "shadows", "private", "eye", "noir", "rain", "nightclub", "double-cross", "cigarette"],
    ];

    /// <summary>Per latent factor: a theme's words (overviews), and its genome tags.</summary>
    public static readonly (string[] Words, string[] Tags)[] Themes =
    [
        (["starlight", "orbit", "cosmos", "voyager", "nebula", "colony"], ["space", "space travel", "futuristic"]),
        (["siblings", "reunion", "hometown", "bond", "childhood", "forgiveness"], ["family bonds", "coming of age", "heartwarming"]),
        (["vault", "scheme", "crew", "double", "score", "getaway"], ["heist", "clever plot", "twist ending"]),
        (["longing", "courtship", "yearning", "soulmate", "serenade", "devotion"], ["romantic", "love story", "chick flick"]),
        (["empire", "revolution", "dynasty", "crown", "treaty", "uprising"], ["historical", "epic", "period piece"]),
        (["ritual", "occult", "cellar", "whispers", "darkness", "omen"], ["supernatural", "creepy", "atmospheric"]),
        (["championship", "coach", "rookie", "tournament", "comeback", "underdog"], ["sports", "inspirational", "underdog story"]),
        (["painter", "gallery", "poet", "muse", "canvas", "symphony"], ["artistic", "visually stunning", "stylized"]),
        (["hacker", "network", "surveillance", "code", "algorithm", "signal"], ["hackers", "technology", "dystopia"]),
        (["ocean", "storm", "shipwreck", "lighthouse", "sailor", "tide"], ["ocean", "survival", "nature"]),
        (["campus", "professor", "exam", "dorm", "thesis", "fraternity"], ["college", "teen", "nostalgic"]),
        (["courtroom", "lawyer", "verdict", "trial", "jury", "testimony"], ["courtroom drama", "legal", "justice"]),
        (["kitchen", "recipe", "chef", "feast", "restaurant", "flavour"], ["food", "feel-good", "quirky"]),
        (["election", "senator", "campaign", "scandal", "capitol", "ballot"], ["politics", "satire", "intelligent"]),
        (["virus", "outbreak", "quarantine", "cure", "epidemic", "laboratory"], ["pandemic", "apocalypse", "tense"]),
        (["circus", "magician", "carnival", "illusion", "trapeze", "clown"], ["magic", "surreal", "whimsical"]),
    ];

    public static readonly string[] Subjects =
    [
        "A young woman", "A retired detective", "Two estranged brothers", "A small-town teacher", "An ambitious lawyer",
        "A reluctant hero", "A lonely inventor", "A group of friends", "A single father", "A disgraced officer",
        "An orphaned girl", "A famous actress", "A stubborn farmer", "A rookie journalist", "An aging musician",
    ];

    public static readonly string[] Verbs =
    [
        "must confront", "stumbles upon", "sets out to find", "is haunted by", "tries to escape", "uncovers",
        "falls for", "is drawn into", "fights against", "races to stop", "learns the truth about", "returns home to face",
    ];

    public static readonly string[] Connectors = ["before", "while", "after", "until", "as"];

    public static readonly string[] TitleAdjectives =
    [
        "Silent", "Broken", "Last", "Golden", "Hidden", "Midnight", "Crimson", "Lost", "Wild", "Electric", "Frozen",
        "Distant", "Secret", "Burning", "Hollow", "Iron", "Quiet", "Savage", "Velvet", "Endless", "Bright", "Dark",
    ];

    public static readonly string[] TitleNouns =
    [
        "River", "Road", "Garden", "City", "Horizon", "Promise", "Shadow", "Kingdom", "Summer", "Winter", "Letter",
        "Mirror", "Harbor", "Station", "Empire", "Voyage", "Season", "Frontier", "Symphony", "Island", "Storm", "Heart",
    ];

    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
        "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy",
        "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley", "Steven", "Emily", "Andrew", "Donna",
        "Kenji", "Amara", "Lucia", "Mateo", "Ingrid", "Rahul", "Chen", "Olga", "Youssef", "Aiko",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez",
        "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
        "Nakamura", "Okafor", "Rossi", "Novak", "Lindqvist", "Sharma", "Wang", "Petrova", "Haddad", "Tanaka", "Dubois",
    ];
}
