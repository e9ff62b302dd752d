package org.equitylake.sample;

import java.util.Map;

/**
 * Given and family names by origin, with the accents they are written with, and common nicknames.
 * The origins follow the city's households (Hispanic, Vietnamese, Chinese, Filipino, ...).
 */
final class Names {
    enum Origin { HISPANIC, VIETNAMESE, CHINESE, FILIPINO, KOREAN, SOUTH_ASIAN, ANGLO, AFRICAN_AMERICAN, ETHIOPIAN, ARABIC, EUROPEAN }

    private static final String[][] FIRST = {
        {"José", "María", "Juan", "Luis", "Carlos", "Ana", "Sofía", "Jesús", "Andrés", "Verónica", "Guadalupe", "Alejandro",
            "Mónica", "Raúl", "Ramón", "Lucía", "Ángel", "Miguel", "Rosa", "Elena", "Francisco", "Eduardo", "Ignacio",
            "Roberto", "Daniela", "Gabriela", "Inés", "Héctor", "Martín", "Julián", "Iván", "Óscar", "Tomás", "Adriana"},
        {"Linh", "Minh", "Thảo", "Hương", "Anh", "Tuấn", "Hoàng", "Quang", "Ngọc", "Phương", "Trang", "Dũng", "Hải",
            "Long", "Mai", "Lan", "Huy", "Khoa", "Vy", "Thanh", "Kevin", "Tiffany"},
        {"Wei", "Jing", "Mei", "Xin", "Hao", "Yan", "Jun", "Lei", "Ming", "Ying", "Kevin", "Jennifer", "Michael", "Grace", "Eric", "Amy"},
        {"Maria", "Jose", "Mark", "Angelica", "Ronald", "Cristina", "Jerome", "Rowena", "Rodel", "Marites", "Jasmine", "Paolo", "Joseph", "Liza"},
        {"Ji-woo", "Min-jun", "Seo-yeon", "Hyun", "Soo-jin", "Jae", "Eun-ji", "Dong-hyun", "David", "Grace"},
        {"Priya", "Raj", "Anil", "Deepa", "Arjun", "Sunita", "Vikram", "Kavya", "Rahul", "Ananya", "Sanjay", "Meera"},
        {"James", "Robert", "John", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Christopher", "Daniel",
            "Matthew", "Anthony", "Steven", "Andrew", "Jennifer", "Elizabeth", "Patricia", "Susan", "Jessica", "Sarah",
            "Karen", "Nancy", "Margaret", "Katherine", "Rebecca", "Samantha", "Victoria", "Emily", "Zoë", "Renée", "Chloé"},
        {"Jamal", "Aaliyah", "Andre", "DeShawn", "Imani", "Keisha", "Malik", "Tiana", "Darnell", "Ebony", "Marcus",
            "Jasmine", "Terrence", "Latoya", "Xavier", "Destiny", "Michael", "Angela"},
        {"Abebe", "Tigist", "Dawit", "Selam", "Yonas", "Hiwot", "Bereket", "Meron"},
        {"Ahmed", "Fatima", "Omar", "Layla", "Youssef", "Nour", "Karim", "Rania"},
        {"João", "Ana", "Dmitri", "Olga", "Sergei", "Natalia", "Dariush", "Shirin", "Inês", "Luís"}};

    private static final String[][] LAST = {
        {"Hernández", "García", "López", "Martínez", "Rodríguez", "González", "Pérez", "Sánchez", "Ramírez", "Gómez",
            "Díaz", "Gutiérrez", "Jiménez", "Vásquez", "Álvarez", "Muñoz", "Núñez", "Peña", "Ibáñez", "Cortés", "Torres",
            "Flores", "Rivera", "Cruz", "Morales", "Reyes", "Ortiz", "Chávez", "Ruiz", "Mendoza", "Castillo", "Romero",
            "Delgado", "Vargas", "Castro", "Guerrero", "Medina", "Aguilar", "Herrera", "Silva", "Contreras", "Estrada",
            "Salazar", "Sandoval", "Ochoa"},
        {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Vũ"},
        {"Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Lin", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He",
            "Lam", "Wong", "Chan", "Leung"},
        {"Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Garcia", "Mendoza", "Villanueva", "Ramos", "Aquino",
            "Castillo", "De Guzman", "Fernandez", "Pascual", "Navarro", "Manalo"},
        {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"},
        {"Patel", "Singh", "Kumar", "Shah", "Gupta", "Sharma", "Reddy", "Rao", "Iyer", "Mehta", "Desai", "Nair"},
        {"Smith", "Johnson", "Miller", "Anderson", "Wilson", "Taylor", "Thomas", "Moore", "Martin", "Thompson", "White",
            "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "Allen", "Wright", "Scott", "Baker", "Nelson", "Carter",
            "Mitchell", "O'Brien", "O'Connor", "McDonald", "Sullivan", "Murphy", "Bennett", "Brooks", "Reed", "Cook"},
        {"Williams", "Johnson", "Brown", "Jones", "Davis", "Jackson", "Robinson", "Harris", "Washington", "Freeman",
            "Banks", "Coleman", "Jenkins", "Hayes", "Bryant", "Ellis"},
        {"Tesfaye", "Haile", "Bekele", "Girma", "Alemu", "Tadesse", "Kebede", "Desta"},
        {"Haddad", "Khoury", "Nasser", "Saleh", "Hassan", "Mansour", "Aziz", "Farah"},
        {"Silva", "Costa", "Pereira", "Oliveira", "Ivanov", "Petrova", "Smirnov", "Sokolov", "Ahmadi", "Hosseini", "Rezaei", "Karimi"}};

    private static final Map<String, String[]> NICKNAMES = Map.ofEntries(
            Map.entry("Robert", new String[] {"Bob", "Rob", "Bobby"}), Map.entry("William", new String[] {"Bill", "Will", "Billy"}),
            Map.entry("Elizabeth", new String[] {"Liz", "Beth", "Betty"}), Map.entry("Jennifer", new String[] {"Jen", "Jenny"}),
            Map.entry("Michael", new String[] {"Mike", "Mikey"}), Map.entry("Christopher", new String[] {"Chris"}),
            Map.entry("Katherine", new String[] {"Kathy", "Kate", "Katie"}), Map.entry("Margaret", new String[] {"Maggie", "Peggy"}),
            Map.entry("Richard", new String[] {"Rick", "Rich"}), Map.entry("James", new String[] {"Jim", "Jimmy"}),
            Map.entry("Joseph", new String[] {"Joe", "Joey"}), Map.entry("Thomas", new String[] {"Tom", "Tommy"}),
            Map.entry("Daniel", new String[] {"Dan", "Danny"}), Map.entry("Anthony", new String[] {"Tony"}),
            Map.entry("Matthew", new String[] {"Matt"}), Map.entry("Andrew", new String[] {"Andy", "Drew"}),
            Map.entry("Steven", new String[] {"Steve"}), Map.entry("Patricia", new String[] {"Pat", "Patty", "Trish"}),
            Map.entry("Susan", new String[] {"Sue", "Susie"}), Map.entry("Jessica", new String[] {"Jess", "Jessie"}),
            Map.entry("Samantha", new String[] {"Sam"}), Map.entry("Rebecca", new String[] {"Becky"}),
            Map.entry("Victoria", new String[] {"Vicky", "Tori"}), Map.entry("David", new String[] {"Dave"}),
            Map.entry("John", new String[] {"Jack", "Johnny"}), Map.entry("José", new String[] {"Pepe"}),
            Map.entry("Jose", new String[] {"Joey", "Pepe"}), Map.entry("María", new String[] {"Mari"}),
            Map.entry("Jesús", new String[] {"Chuy"}), Map.entry("Guadalupe", new String[] {"Lupe"}),
            Map.entry("Francisco", new String[] {"Paco", "Pancho"}), Map.entry("Alejandro", new String[] {"Alex"}),
            Map.entry("Roberto", new String[] {"Beto"}), Map.entry("Eduardo", new String[] {"Lalo"}),
            Map.entry("Ignacio", new String[] {"Nacho"}), Map.entry("Andrés", new String[] {"Andy"}),
            Map.entry("Verónica", new String[] {"Vero"}), Map.entry("Gabriela", new String[] {"Gaby"}),
            Map.entry("Cristina", new String[] {"Tina"}), Map.entry("Ronald", new String[] {"Ron"}),
            Map.entry("Marcus", new String[] {"Marc"}), Map.entry("Natalia", new String[] {"Natasha"}),
            Map.entry("Dmitri", new String[] {"Dima"}), Map.entry("Vikram", new String[] {"Vik"}),
            Map.entry("Angelica", new String[] {"Angie"}), Map.entry("Angela", new String[] {"Angie"}),
            Map.entry("Youssef", new String[] {"Joe"}), Map.entry("Jasmine", new String[] {"Jazz"}));

    private Names() {}

    static int firstCount(Origin o) {
        return FIRST[o.ordinal()].length;
    }

    static int lastCount(Origin o) {
        return LAST[o.ordinal()].length;
    }

    static String first(Origin o, int i) {
        return FIRST[o.ordinal()][i];
    }

    static String last(Origin o, int i) {
        return LAST[o.ordinal()][i];
    }

    /** The nicknames of a given name, or an empty array. */
    static String[] nicknames(String first) {
        return NICKNAMES.getOrDefault(first, new String[0]);
    }
}
