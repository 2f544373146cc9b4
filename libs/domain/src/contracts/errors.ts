// Every error the API answers with: one closed set of codes, each with its HTTP status and the
// Russian message shown when the thrower has nothing more specific to say. The API's one
// exception filter reads this table; the web app branches on `code`, never on message text.

interface ApiErrorSpec {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;
  message: string;
}

export const API_ERRORS = {
  // The request itself
  bad_request: { status: 400, message: 'Запрос составлен неверно.' },
  invalid_parameters: { status: 400, message: 'Параметры запроса указаны неверно.' },
  malformed_json: {
    status: 400,
    message: 'Тело запроса не разобрано: ожидается JSON-объект в кодировке UTF-8.',
  },
  empty_change: { status: 400, message: 'Укажите, что изменить: в запросе нет ни одного поля.' },
  unsupported_media_type: {
    status: 415,
    message: 'Этот адрес принимает данные в формате JSON (Content-Type: application/json).',
  },
  unsupported_encoding: {
    status: 415,
    message: 'Тело запроса должно быть в кодировке UTF-8 и без сжатия.',
  },
  payload_too_large: { status: 413, message: 'Тело запроса слишком велико.' },
  route_not_found: { status: 404, message: 'Такого адреса нет.' },
  foreign_origin: {
    status: 403,
    message:
      'Запрос отправлен с чужого сайта и отклонён. Откройте ПрофМонитор по его адресу и повторите действие.',
  },

  // Files
  file_missing: { status: 400, message: 'Прикрепите файл в поле «file».' },
  file_field: { status: 400, message: 'Файл передаётся в поле «file», по одному за раз.' },
  upload_form_invalid: {
    status: 400,
    message: 'Запрос на загрузку составлен неверно: передайте только файл в поле «file».',
  },
  file_incomplete: { status: 400, message: 'Файл передан не полностью. Попробуйте загрузить его ещё раз.' },
  file_too_large: { status: 413, message: 'Файл слишком большой — такой файл не принимается.' },
  not_multipart: {
    status: 415,
    message: 'Запрос не похож на загрузку файла: ожидается multipart/form-data с файлом в поле «file».',
  },
  import_refused: { status: 403, message: 'Этот файл учётная запись загружать не может.' },
  report_locked: {
    status: 423,
    message:
      'Отчёт принят комитетом и закрыт для изменений: загрузить исправления можно после того, как комитет вернёт его.',
  },
  period_closed: {
    status: 423,
    message: 'Сбор отчётов за этот учебный год закрыт: чтобы внести исправления, обратитесь в комитет.',
  },
  import_rejected: {
    status: 422,
    message: 'Отчёт не принят: на листах есть ошибки. Исправьте их по списку и загрузите файл снова.',
  },

  // Signing in and access
  not_signed_in: { status: 401, message: 'Войдите в систему.' },
  bad_credentials: { status: 401, message: 'Неверный логин или пароль.' },
  wrong_current_password: { status: 400, message: 'Текущий пароль указан неверно.' },
  too_many_attempts: {
    status: 429,
    message: 'Слишком много неудачных попыток. Подождите немного и попробуйте снова.',
  },
  weak_password: { status: 400, message: 'Пароль слишком простой.' },
  role_forbidden: { status: 403, message: 'Это действие недоступно вашей учётной записи.' },
  municipality_forbidden: {
    status: 403,
    message: 'Данные и цели другого муниципалитета доступны только его комитету и региону.',
  },
  organization_forbidden: {
    status: 403,
    message: 'Данные других организаций доступны только комитету.',
  },
  no_access_rule: { status: 403, message: 'Для этого адреса не задано правило доступа.' },
  account_unbound: {
    status: 403,
    message:
      'Учётная запись комитета не привязана к муниципалитету, а в реестре их несколько: попросите региональное министерство создать учётную запись вашего муниципалитета.',
  },

  // Things looked up
  organization_not_found: { status: 404, message: 'Организация не найдена в реестре.' },
  municipality_not_found: { status: 404, message: 'Муниципалитет не найден в реестре.' },
  period_not_found: { status: 404, message: 'Учебный год не найден.' },
  indicator_not_found: { status: 404, message: 'Такого показателя нет.' },
  indicator_value_not_found: { status: 404, message: 'Значения показателя за этот год нет.' },
  indicator_rows_not_found: { status: 404, message: 'У показателя нет строк, из которых он складывается.' },
  upload_not_found: { status: 404, message: 'Загрузка не найдена.' },
  version_not_found: { status: 404, message: 'Версия листа не найдена.' },
  version_mismatch: {
    status: 400,
    message: 'Сравнивать можно только версии одного листа одной организации за один учебный год.',
  },
  upload_file_missing: { status: 404, message: 'Исходный файл этой загрузки не сохранился.' },
  account_not_found: { status: 404, message: 'Учётная запись не найдена.' },
  campaign_not_found: { status: 404, message: 'Сбор отчётов за этот учебный год не объявлен.' },

  // Rules of the data
  registry_changes_past: {
    status: 409,
    message:
      'Изменение реестра меняет состав отчитывающихся за годы, отчёты за которые уже загружены. Проверьте список и подтвердите изменение.',
  },
  account_exists: { status: 409, message: 'Такая учётная запись уже есть.' },
  login_reserved: { status: 400, message: 'Этот логин зарезервирован системой: выберите другой.' },
  organization_required: {
    status: 400,
    message: 'Для учётной записи школы укажите код организации из реестра.',
  },
  organization_not_applicable: {
    status: 400,
    message: 'Код организации указывается только для учётной записи школы.',
  },
  municipality_required: {
    status: 400,
    message: 'В реестре несколько муниципалитетов: укажите муниципалитет комитета.',
  },
  municipality_not_applicable: {
    status: 400,
    message: 'Муниципалитет указывается только для учётной записи комитета или центра занятости.',
  },
  self_deactivation: { status: 400, message: 'Нельзя отключить собственную учётную запись.' },
  invalid_target: { status: 400, message: 'Порог задаётся долей от 0 до 1: например, 0.8 для 80 %.' },
  unknown_area: { status: 400, message: 'Нет такой области профессиональной деятельности.' },
  profession_exists: { status: 409, message: 'Такая строка уже есть в справочнике профессий.' },
  profession_conflict: { status: 409, message: 'Строка справочника профессий противоречит другой.' },
  profession_invalid: { status: 400, message: 'Строка справочника профессий заполнена неверно.' },

  campaign_exists: { status: 409, message: 'Сбор отчётов за этот учебный год уже объявлен.' },
  campaign_closed: {
    status: 409,
    message: 'Сбор отчётов за этот учебный год закрыт: сначала откройте его снова.',
  },
  invalid_deadline: { status: 400, message: 'Срок сдачи укажите датой в виде ГГГГ-ММ-ДД.' },
  review_not_allowed: {
    status: 409,
    message: 'Принять можно только сданный отчёт, вернуть — сданный или принятый.',
  },
  comment_required: { status: 400, message: 'Напишите, что исправить: отчёт возвращается с комментарием.' },

  recommendation_not_found: { status: 404, message: 'Такой рекомендации нет.' },
  recommendation_not_addressed: {
    status: 403,
    message: 'Эта рекомендация адресована не вашей организации: ответить на неё может только адресат.',
  },
  invalid_cycle_date: { status: 400, message: 'Дату укажите в виде ГГГГ-ММ-ДД, например 2025-03-01.' },

  // The server
  database_busy: {
    status: 503,
    message: 'База данных занята другой записью. Повторите действие через минуту: ничего не сохранено.',
  },
  internal: {
    status: 500,
    message:
      'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.',
  },
} as const satisfies Record<string, ApiErrorSpec>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const API_ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

/** The body of every error answer. */
export interface ApiErrorBody {
  statusCode: number;
  code: ApiErrorCode;
  /** One message, or one per broken rule (a form's fields). */
  message: string | string[];
  /** too_many_attempts: seconds to wait before trying again (also the Retry-After header). */
  retryAfter?: number;
}

export const isApiErrorCode = (value: unknown): value is ApiErrorCode =>
  typeof value === 'string' && Object.hasOwn(API_ERRORS, value);
