namespace LibraryOutreach.Web.Infrastructure.Demo;

/// <summary>Word lists for generated people, organizations and tags (invented, ordinary-looking values).</summary>
internal static class SampleNames
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy",
        "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
        "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa",
        "Timothy", "Deborah", "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
        "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna", "Stephen", "Brenda",
        "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha", "Samuel", "Katherine",
        "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine",
        "Dennis", "Maria", "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam", "Olivia", "Nathan", "Joyce",
        "Henry", "Virginia", "Douglas", "Victoria", "Zachary", "Kelly", "Peter", "Lauren", "Kyle", "Christina", "Ethan", "Joan",
        "Walter", "Evelyn", "Noah", "Judith", "Jeremy", "Megan", "Christian", "Andrea", "Keith", "Cheryl", "Roger", "Hannah",
        "Terry", "Jacqueline", "Gerald", "Martha", "Harold", "Gloria", "Sean", "Teresa", "Austin", "Ann", "Carl", "Sara", "Arthur",
        "Madison", "Lawrence", "Frances", "Dylan", "Kathryn", "Jesse", "Janice", "Jordan", "Jean", "Bryan", "Abigail", "Billy",
        "Alice", "Joe", "Judy", "Bruce", "Sophia", "Gabriel", "Grace", "Logan", "Denise", "Albert", "Amber", "Willie", "Doris",
        "Alan", "Marilyn", "Juan", "Danielle", "Wayne", "Beverly", "Elijah", "Isabella", "Randy", "Theresa", "Roy", "Diana",
        "Vincent", "Natalie", "Ralph", "Brittany", "Eugene", "Charlotte", "Russell", "Marie", "Bobby", "Kayla", "Mason", "Alexis",
        "Philip", "Lori", "Louis", "Ana", "Tom", "Li", "Wei", "Mei", "Hiroshi", "Yuki", "Priya", "Arjun", "Fatima", "Omar", "Kim",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
        "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
        "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
        "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
        "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
        "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross",
        "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
        "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds",
        "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar",
        "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington",
        "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson",
        "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks",
        "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer",
        "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne",
        "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart",
        "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews",
        "Wei", "Park", "Tanaka", "Sato", "Singh", "Khan", "Ali", "O'Brien", "Van der Berg", "St. John", "García Márquez",
    ];

    public static readonly string[] Towns =
    [
        "Springfield", "Riverside", "Fairview", "Franklin", "Greenville", "Clinton", "Madison", "Georgetown", "Salem", "Ashland",
        "Burlington", "Chester", "Dayton", "Dover", "Oakland", "Milton", "Newport", "Hudson", "Kingston", "Lexington", "Marion",
        "Oxford", "Arlington", "Bristol", "Centerville", "Clayton", "Jackson", "Lebanon", "Manchester", "Mount Vernon", "Plymouth",
        "Winchester", "Auburn", "Bedford", "Brookfield", "Cambridge", "Camden", "Concord", "Dublin", "Easton", "Florence", "Glendale",
        "Hamilton", "Hanover", "Harrison", "Highland", "Jamestown", "Lakewood", "Lincoln", "Maple Grove", "Middletown", "Monroe",
        "Newton", "Norwood", "Orange", "Pleasant Hill", "Princeton", "Quincy", "Richmond", "Rockport", "Shelby", "Somerset",
        "Stratford", "Sutton", "Troy", "Union", "Vernon", "Warren", "Waverly", "Westfield", "Weston", "Wilmington", "Windsor",
        "Woodstock", "Yorktown", "Belmont", "Cedar Falls", "Elm Creek", "Pine Bluff", "Willow Springs",
    ];

    /// <summary>Name endings per default organization type, in the order of OrganizationTypeConfiguration.Defaults.</summary>
    public static readonly string[][] OrganizationNouns =
    [
        ["Elementary School", "Middle School", "High School", "Montessori School", "Charter Academy", "Community College", "Preschool", "Adult Learning Center"],
        ["Town Council", "Parks Department", "Senior Services", "Recreation Department", "Health Department", "Planning Board", "Town Clerk's Office", "Youth Commission"],
        ["Food Pantry", "Literacy Volunteers", "Historical Society", "Arts Council", "Boys & Girls Club", "Habitat for Humanity", "Refugee Services", "Garden Club"],
        ["Savings Bank", "Hardware", "Bakery", "Bookshop", "Dental Group", "Coffee Roasters", "Credit Union", "Print Shop"],
        ["Methodist Church", "Synagogue", "Islamic Center", "Baptist Church", "Quaker Meeting", "Catholic Parish", "Lutheran Church", "Buddhist Temple"],
        ["Rotary Club", "Lions Club", "Chamber of Commerce", "Kiwanis Club", "Neighborhood Association", "League of Women Voters", "Jaycees", "Grange"],
        ["Gazette", "Community Radio", "Patch", "Public Access TV", "Herald", "Weekly", "Tribune", "Courier"],
        ["Veterans Post", "Scout Troop", "Choir", "Chess Club", "Makerspace", "Running Club", "Quilting Guild", "Book Club"],
    ];

    public static readonly int[] TypeWeights = [25, 10, 20, 20, 8, 8, 4, 5];

    public static readonly string[] TagNames =
    [
        "Partners", "Schools", "Early literacy", "Seniors", "Summer reading", "Volunteers", "Donors", "ESL", "Board", "Media",
        "Local government", "Makerspace", "Teens", "Homeschool", "Civic", "Health", "Workforce", "Arts", "History", "Newcomers",
        "Book clubs", "STEM", "Grants", "Friends of the Library", "Outreach van", "Job seekers", "Veterans", "Parents", "Tech help",
        "Genealogy", "Accessibility", "Storytime", "Gardening", "Music", "Film", "Languages", "Small business", "Faith", "Sports", "Events",
    ];

    public static readonly string[] Colors = ["#1f5f8b", "#8b1f5f", "#2e7d32", "#ad5f00", "#5e35b1", "#00796b", "#c62828", "#455a64"];

    public static readonly string[] Titles =
    [
        "Principal", "Teacher", "Librarian", "Director", "Coordinator", "Volunteer", "President", "Treasurer", "Secretary", "Manager",
        "Owner", "Pastor", "Editor", "Reporter", "Program Officer", "Board Member", "Youth Services", "Outreach Lead", "Councillor", "Clerk",
    ];

    public static readonly string[] PersonalDomains = ["mail.example.com", "post.example.net", "inbox.example.org", "home.example.com"];

    public static readonly string[] AreaCodes = ["413", "508", "617", "781", "978", "802", "603", "207"];
}
